package io.webcare.deploy.tools;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line tools for a running Webcare stack ({@code java -jar deploy/target/webcare-tools.jar <tool> ...}).
 * Where the stack is comes from the environment; see {@link StackConfig}.
 */
public final class WebcareTools {

    private WebcareTools() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.getFirst().equals("help") || args.getFirst().equals("--help")) {
            usage(out);
            return args.isEmpty() ? 1 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.getFirst()) {
                case "demo" -> DemoFeed.main(rest, out);
                case "load" -> LoadTest.main(rest, out);
                case "ingest-bench" -> io.webcare.deploy.tools.bench.IngestBenchmark.main(rest, out);
                default -> {
                    err.println("Unknown tool '" + args.getFirst() + "'.");
                    usage(err);
                    yield 1;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (StackClient.StackException | IllegalStateException e) {
            err.println("The stack did not answer as expected: " + e.getMessage());
            return 3;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: webcare-tools <tool> [options]");
        out.println("  " + DemoFeed.USAGE);
        out.println("  " + LoadTest.USAGE);
        out.println("  " + io.webcare.deploy.tools.bench.IngestBenchmark.USAGE);
        out.println("environment: INGEST_URL (default http://127.0.0.1:8081), CASE_URL (:8083), SLA_URL (:8084),");
        out.println("  KEYCLOAK_URL (http://127.0.0.1:8180), KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092);");
        out.println("  or the launcher's INGEST_PORT, CASE_PORT, SLA_PORT, KEYCLOAK_PORT, KAFKA_PORT.");
    }
}
