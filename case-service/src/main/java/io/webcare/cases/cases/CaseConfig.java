package io.webcare.cases.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The case lifecycle's settings ({@code webcare.cases.*}). */
@ConfigMapping(prefix = "webcare.cases")
public interface CaseConfig {
    /** How long after resolution a customer message reopens the case; after it, a new case opens. */
    @WithDefault("P3D")
    Duration reopenPeriod();

    /** A customer back about the same topic within this time after a resolution is a boomerang. */
    @WithDefault("P7D")
    Duration boomerangWindow();

    /** The resolution codes an agent may choose. */
    @WithDefault("answered,fixed,refunded,no-action,not-our-problem,duplicate")
    List<String> resolutionCodes();

    /** The approved template a follow-up uses when the platform's reply window has closed. */
    @WithDefault("issue_resolved")
    String followUpTemplate();

    /** How often resolved cases past their reopen period are closed (a scheduler interval such as 60s). */
    @WithDefault("60s")
    String closeEvery();

    /** How many resolved cases past their reopen period are closed per scheduler run. */
    @WithDefault("200")
    int closeBatchSize();
}
