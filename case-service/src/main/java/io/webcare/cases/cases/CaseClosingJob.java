package io.webcare.cases.cases;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Closes resolved cases once their reopen period has ended (a later message then opens a new case). */
@ApplicationScoped
public class CaseClosingJob {
    private static final Logger LOG = Logger.getLogger(CaseClosingJob.class);

    private final CaseService cases;

    public CaseClosingJob(CaseService cases) {
        this.cases = cases;
    }

    @Scheduled(
            every = "${webcare.cases.close-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void closeExpired() {
        int closed;
        do {
            closed = cases.closeExpired();
            if (closed > 0) {
                LOG.infof("Closed %d resolved case(s) past their reopen period", closed);
            }
        } while (closed > 0 && closed == cases.closeBatchSize());
    }
}
