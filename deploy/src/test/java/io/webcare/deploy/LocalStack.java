package io.webcare.deploy;

import io.webcare.deploy.tools.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An isolated local stack for end-to-end tests, run by the real launcher ({@code deploy/local/webcare}) with its own
 * state dir under {@code deploy/target} and ports offset from the defaults, so it runs beside a developer's stack.
 */
final class LocalStack {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(15); // includes building missing fast-jars
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);

    private final Path repoRoot;
    private final Path launcher;
    private final Path stateDir;
    private final Path launcherLog;
    private final Map<String, String> env;

    LocalStack() {
        this.repoRoot = findRepoRoot(Path.of("").toAbsolutePath());
        this.launcher = repoRoot.resolve("deploy/local/webcare");
        this.stateDir = repoRoot.resolve("deploy/target/e2e-stack");
        this.launcherLog = repoRoot.resolve("deploy/target/e2e-launcher.log");
        Map<String, String> e = new LinkedHashMap<>();
        e.put("WEBCARE_STATE_DIR", stateDir.toString());
        e.put("INGEST_PORT", "18081");
        e.put("ROUTING_PORT", "18082");
        e.put("CASE_PORT", "18083");
        e.put("SLA_PORT", "18084");
        e.put("FEEDBACK_PORT", "18085");
        e.put("KEYCLOAK_PORT", "18180");
        e.put("KEYCLOAK_MGMT_PORT", "19180");
        e.put("KAFKA_PORT", "19092");
        e.put("KAFKA_CONTROLLER_PORT", "19093");
        e.put("PG_PORT", "15432");
        e.put("WEBCARE_PG", "private");
        // The JDK running the tests (21+, the enforcer saw to that) also runs the stack.
        e.put("JAVA_HOME", System.getProperty("java.home"));
        this.env = Map.copyOf(e);
    }

    /** Where the tools and tests find this stack: the same port variables the launcher gets. */
    StackConfig config() {
        return StackConfig.fromEnv(env);
    }

    Path repoRoot() {
        return repoRoot;
    }

    void start() {
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("The launcher " + launcher + " is missing or not executable");
        }
        run(START_TIMEOUT, "start");
    }

    /** {@code webcare restart <service> --kill}: SIGKILL, then start again and wait until ready. */
    void killAndRestart(String service) {
        run(RESTART_TIMEOUT, "restart", service, "--kill");
    }

    void stop() {
        if (Files.isExecutable(launcher)) {
            run(STOP_TIMEOUT, "stop");
        }
    }

    private void run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launcherLog.toFile()));
        builder.environment().putAll(env);
        long logStart = logSize();
        appendToLog("\n===== " + Instant.now() + " webcare " + String.join(" ", args) + " =====\n");
        System.out.printf("[e2e] webcare %s (output: %s)%n", String.join(" ", args), launcherLog);
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("webcare " + String.join(" ", args) + " did not finish within "
                        + timeout.toMinutes() + " min; its output:\n" + logSince(logStart));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("webcare " + String.join(" ", args) + " exited with "
                        + process.exitValue() + "; its output:\n" + logSince(logStart));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + launcher, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running webcare " + String.join(" ", args), e);
        }
    }

    private long logSize() {
        try {
            Files.createDirectories(launcherLog.getParent());
            return Files.exists(launcherLog) ? Files.size(launcherLog) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(
                    launcherLog,
                    line,
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's output of this run (the last 60 lines of it). */
    private String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(launcherLog);
            String text = new String(
                    all,
                    (int) Math.min(offset, all.length),
                    (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + launcherLog + ": " + e + ")";
        }
    }

    /** The repository root: the nearest directory upwards that holds the Maven wrapper. */
    static Path findRepoRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory with mvnw above " + start);
    }
}
