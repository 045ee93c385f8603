package io.webcare.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** A real PostgreSQL server (binaries from Maven Central) started once per test JVM. */
public final class RealPostgres {
    private static EmbeddedPostgres postgres;

    private RealPostgres() {}

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("max_connections", "100")
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the test PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(RealPostgres::close, "postgres-test-stop"));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private static synchronized void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            // The JVM is exiting; nothing left to clean.
        }
    }
}
