package io.webcare.cases.satisfaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The satisfaction question sent after a resolution ({@code webcare.cases.survey.*}). A question is configured per
 * {@code <channel>-<language>}, {@code <language>}, {@code <channel>} or {@code default}; the most specific one
 * applies. Its scale decides how the customer's answer is read.
 */
@ConfigMapping(prefix = "webcare.cases.survey")
public interface SurveyConfig {
    String CSAT = "csat";
    String NPS = "nps";
    String DEFAULT = "default";

    /** Whether resolving a case sends the question when the agent does not say ({@code askSatisfaction}). */
    @WithDefault("false")
    boolean askByDefault();

    /** The questions by key; {@code default} must be there. */
    Map<String, Question> questions();

    interface Question {
        /** {@code csat} (1-5) or {@code nps} (0-10). */
        @WithDefault(CSAT)
        String scale();

        String text();
    }

    /** What is wrong with the questions (no default, an unknown scale, an empty text); empty when all is well. */
    static List<String> problems(Map<String, Question> questions) {
        List<String> problems = new ArrayList<>();
        if (!questions.containsKey(DEFAULT)) {
            problems.add("webcare.cases.survey.questions.default is missing");
        }
        questions.forEach((key, question) -> {
            if (!CSAT.equals(question.scale()) && !NPS.equals(question.scale())) {
                problems.add("webcare.cases.survey.questions." + key + ".scale must be csat or nps, not "
                        + question.scale());
            }
            if (question.text() == null || question.text().isBlank()) {
                problems.add("webcare.cases.survey.questions." + key + ".text is empty");
            }
        });
        return problems;
    }

    /** The question for a case on {@code channel} in {@code language} (null when unknown). */
    default Question questionFor(String channel, String language) {
        Map<String, Question> all = questions();
        return Optional.ofNullable(language == null ? null : all.get(channel + "-" + language))
                .or(() -> Optional.ofNullable(language == null ? null : all.get(language)))
                .or(() -> Optional.ofNullable(all.get(channel)))
                .or(() -> Optional.ofNullable(all.get(DEFAULT)))
                .orElseThrow(() -> new IllegalStateException("webcare.cases.survey.questions.default.text is not set"));
    }
}
