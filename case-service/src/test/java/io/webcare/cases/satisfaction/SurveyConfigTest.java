package io.webcare.cases.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyConfigTest {

    private static SurveyConfig.Question question(String scale, String text) {
        return new SurveyConfig.Question() {
            @Override
            public String scale() {
                return scale;
            }

            @Override
            public String text() {
                return text;
            }
        };
    }

    private static SurveyConfig config(Map<String, SurveyConfig.Question> questions) {
        return new SurveyConfig() {
            @Override
            public boolean askByDefault() {
                return false;
            }

            @Override
            public Map<String, Question> questions() {
                return questions;
            }
        };
    }

    @Test
    void theMostSpecificQuestionApplies() {
        var config = config(Map.of(
                "default", question("csat", "How did we do, 1-5?"),
                "nl", question("csat", "Hoe deden we het, 1-5?"),
                "whatsapp-nl", question("nps", "Zou je ons aanraden, 0-10?"),
                "x", question("csat", "Rate us 1-5")));
        assertThat(config.questionFor("whatsapp", "nl").scale()).isEqualTo("nps");
        assertThat(config.questionFor("x", "nl").text()).isEqualTo("Hoe deden we het, 1-5?");
        assertThat(config.questionFor("x", "de").text()).isEqualTo("Rate us 1-5");
        assertThat(config.questionFor("facebook", null).text()).isEqualTo("How did we do, 1-5?");
    }

    @Test
    void aMissingDefaultAnUnknownScaleOrAnEmptyTextIsReported() {
        assertThat(SurveyConfig.problems(Map.of("default", question("csat", "1-5?"))))
                .isEmpty();
        assertThat(SurveyConfig.problems(Map.of("nl", question("stars", " "))))
                .containsExactlyInAnyOrder(
                        "webcare.cases.survey.questions.default is missing",
                        "webcare.cases.survey.questions.nl.scale must be csat or nps, not stars",
                        "webcare.cases.survey.questions.nl.text is empty");
    }
}
