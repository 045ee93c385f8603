package io.webcare.ingest.messages;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Stores the deliveries that arrive at the same time in one transaction: a commit (and its round trips) per delivery
 * was what held the webhooks to a few hundred per second. Requests hand their messages to a queue and wait for a
 * future; {@code webcare.ingest.writers} threads each take whatever is queued (up to {@code webcare.ingest.max-batch}
 * messages), store it with {@link MessageIngestion#acceptAll} and complete the futures only after the commit, so a
 * delivery is still acknowledged only once its messages are stored with their events.
 *
 * <p>Messages are checked before they are queued, so a bad delivery is refused on its own. Should a combined
 * transaction still fail, each of its deliveries is stored again on its own: one delivery's failure (say, a value
 * the database refuses) then fails only that delivery, and a database outage fails each of them, as before.
 */
@ApplicationScoped
public class GroupCommit {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private record Pending(List<IncomingMessage> messages, CompletableFuture<List<MessageAccepted>> stored) {}

    private final MessageIngestion ingestion;
    private final BlockingQueue<Pending> queue;
    private final int writers;
    private final int maxBatch;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public GroupCommit(
            MessageIngestion ingestion,
            @ConfigProperty(name = "webcare.ingest.writers", defaultValue = "2") int writers,
            @ConfigProperty(name = "webcare.ingest.max-batch", defaultValue = "1000") int maxBatch,
            @ConfigProperty(name = "webcare.ingest.max-queued", defaultValue = "20000") int maxQueued) {
        this.ingestion = ingestion;
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(maxQueued);
    }

    /**
     * Stores the messages of one delivery (all or none); the stage completes once they are committed with their
     * events. Throws the 400 problem of an invalid message at once, before anything is queued.
     */
    public CompletionStage<List<MessageAccepted>> accept(List<IncomingMessage> messages) {
        messages.forEach(ingestion::check);
        if (messages.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        var pending = new Pending(messages, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new ProblemException(
                    Response.Status.SERVICE_UNAVAILABLE, "Too many deliveries are waiting to be stored; retry later.");
        }
        return pending.stored();
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().name("ingest-writer-" + i).daemon().start(this::writeLoop));
        }
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.stored().completeExceptionally(new IllegalStateException("ingest is shutting down"));
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int messages = first.messages().size();
                Pending next;
                while (messages < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                    messages += next.messages().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("Ingest writer failed", e);
                batch.forEach(p -> p.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.size() == 1) {
            writeAlone(batch.getFirst());
            return;
        }
        List<IncomingMessage> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.messages()));
        List<MessageAccepted> accepted;
        try {
            accepted = ingestion.acceptAll(all);
        } catch (RuntimeException e) {
            LOG.debugf("A combined transaction of %d deliveries failed (%s): storing each alone", batch.size(), e);
            batch.forEach(this::writeAlone);
            return;
        }
        int from = 0;
        for (Pending pending : batch) {
            int to = from + pending.messages().size();
            pending.stored().complete(List.copyOf(accepted.subList(from, to)));
            from = to;
        }
    }

    private void writeAlone(Pending pending) {
        try {
            pending.stored().complete(ingestion.acceptAll(pending.messages()));
        } catch (RuntimeException e) {
            pending.stored().completeExceptionally(e);
        }
    }
}
