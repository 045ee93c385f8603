package io.webcare.ingest.bulk;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of {@code POST /api/v1/messages/bulk}. */
@ConfigMapping(prefix = "webcare.bulk")
public interface BulkConfig {
    /** Lines stored per transaction: bounds memory and the work lost to a failure. */
    @WithDefault("500")
    int chunkSize();

    /** A longer line is rejected (and skipped without being held in memory). */
    @WithDefault("65536")
    int maxLineBytes();

    /** The largest bulk body, also the HTTP layer's cap; the other endpoints keep {@code webcare.http.max-body-size}. */
    @WithDefault("1G")
    MemorySize maxBodySize();

    /** Rejected lines listed in the answer at most (all are counted). */
    @WithDefault("1000")
    int maxReportedRejections();
}
