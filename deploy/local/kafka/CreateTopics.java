import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the missing topics of the local stack in one JVM (compiled and run by deploy/local/webcare with the
 * broker's classpath). One JVM and one Admin client instead of one TopicCommand JVM per topic:
 * 14 topics cost about 1.5 s instead of about 15 s. It also waits for the broker to answer, so it doubles as the
 * readiness check.
 *
 * <p>Usage: {@code java -cp <classes>:<kafka classpath> CreateTopics <bootstrap> <partitions> <replicas> <timeoutSeconds>
 * <topic>...}
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: CreateTopics <bootstrap> <partitions> <replicas> <timeoutSeconds> <topic>...");
            System.exit(2);
        }
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        short replicas = Short.parseShort(args[2]);
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[3]));
        List<String> wanted = List.of(args).subList(4, args.length);

        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    createMissing(admin, wanted, partitions, replicas);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    // The broker is still starting (or the controller has no leader yet): try again until the deadline.
                    if (Instant.now().isAfter(deadline)) {
                        System.err.println("CreateTopics: broker at " + bootstrap + " not ready: " + e);
                        System.exit(1);
                    }
                    Thread.sleep(Duration.ofMillis(300));
                }
            }
        }
    }

    private static void createMissing(Admin admin, List<String> wanted, int partitions, short replicas)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : wanted) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, partitions, replicas));
            }
        }
        if (missing.isEmpty()) {
            System.out.println("all " + wanted.size() + " topics exist");
            return;
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
        int created = 0;
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(30, TimeUnit.SECONDS);
                created++;
            } catch (ExecutionException e) {
                // Another launcher created it meanwhile: that is the state we want.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        System.out.println("created " + created + " topics, " + (wanted.size() - missing.size()) + " existed");
    }
}
