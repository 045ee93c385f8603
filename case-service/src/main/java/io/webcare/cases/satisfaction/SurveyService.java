package io.webcare.cases.satisfaction;

import io.quarkus.runtime.StartupEvent;
import io.webcare.cases.access.Caller;
import io.webcare.cases.cases.CaseService;
import io.webcare.cases.cases.SupportCase;
import io.webcare.cases.replies.Reply;
import io.webcare.cases.replies.ReplyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Resolving a case, with the satisfaction question sent to the customer in the same transaction when the agent asks
 * for it (or the configuration does). The customer's answer is read by {@link CaseService} when it arrives.
 */
@ApplicationScoped
public class SurveyService {
    private final CaseService cases;
    private final ReplyService replies;
    private final SurveyRepository surveys;
    private final SurveyConfig config;

    public SurveyService(CaseService cases, ReplyService replies, SurveyRepository surveys, SurveyConfig config) {
        this.cases = cases;
        this.replies = replies;
        this.surveys = surveys;
        this.config = config;
    }

    /** A misconfigured question stops the service at start rather than at the first resolution. */
    void checkQuestions(@Observes StartupEvent start) {
        List<String> problems = SurveyConfig.problems(config.questions());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Satisfaction questions: " + String.join("; ", problems));
        }
    }

    @Transactional
    public SupportCase resolve(
            Caller caller, UUID caseId, Integer seenVersion, String resolutionCode, Boolean askSatisfaction) {
        SupportCase c = cases.resolve(caller, caseId, seenVersion, resolutionCode);
        boolean ask = askSatisfaction == null ? config.askByDefault() : askSatisfaction;
        if (ask) {
            SurveyConfig.Question question = config.questionFor(c.channel, c.language);
            replies.askSatisfaction(c, question.text(), caller.name()).ifPresent(reply -> asked(c, reply, question));
        }
        return c;
    }

    private void asked(SupportCase c, Reply reply, SurveyConfig.Question question) {
        var survey = new Survey();
        survey.surveyId = UUID.randomUUID();
        survey.caseId = c.caseId;
        survey.replyId = reply.replyId;
        survey.scale = question.scale();
        survey.askedAt = reply.requestedAt;
        surveys.persist(survey);
    }
}
