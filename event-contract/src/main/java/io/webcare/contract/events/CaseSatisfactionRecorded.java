package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.satisfaction-recorded.v1} on {@code webcare.cases}: after resolution the customer's
 * satisfaction became known, for analysts.
 *
 * @param scale {@code csat} (score 1-5) or {@code nps} (score 0-10)
 * @param source {@code contact-centre} (pushed over REST) or {@code customer-reply} (read from the customer's answer)
 */
public record CaseSatisfactionRecorded(
        UUID caseId, String team, String scale, int score, String source, Instant recordedAt) {}
