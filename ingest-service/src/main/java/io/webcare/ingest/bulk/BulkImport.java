package io.webcare.ingest.bulk;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.webcare.contract.problem.ProblemException;
import io.webcare.ingest.messages.IncomingMessage;
import io.webcare.ingest.messages.MessageAccepted;
import io.webcare.ingest.messages.MessageIngestion;
import io.webcare.ingest.messages.MessageRequest;
import io.webcare.ingest.metrics.ChannelMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports an NDJSON stream of messages (the shape of {@code POST /api/v1/messages}, one per line), reading it line
 * by line and storing {@code webcare.bulk.chunk-size} messages per transaction, so memory stays bounded whatever the
 * body's size.
 *
 * <p>Each line stands alone: a line that is not a valid message is rejected with its line number and reason while
 * the good lines around it are stored, because a replay of thousands of contacts should not fail for one bad record
 * (and re-sending the whole file after fixing it is safe: what was stored comes back as duplicates). A message is
 * stored whole or not at all: every line is checked completely before its chunk is written, and a chunk is one
 * transaction. If storing a chunk fails (the database is down), the request fails: the chunks before it are stored,
 * and sending the same body again stores the rest without publishing anything twice.
 */
@ApplicationScoped
public class BulkImport {
    private final MessageIngestion ingestion;
    private final Validator validator;
    private final ObjectReader reader;
    private final BulkConfig config;
    private final ChannelMetrics metrics;

    public BulkImport(
            MessageIngestion ingestion,
            Validator validator,
            ObjectMapper json,
            BulkConfig config,
            ChannelMetrics metrics) {
        this.ingestion = ingestion;
        this.validator = validator;
        this.reader = json.readerFor(MessageRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.config = config;
        this.metrics = metrics;
    }

    public BulkSummary importFrom(InputStream body) throws IOException {
        NdjsonLines lines = new NdjsonLines(body, config.maxLineBytes());
        List<IncomingMessage> chunk = new ArrayList<>(config.chunkSize());
        List<BulkSummary.Rejection> rejections = new ArrayList<>();
        long[] counts = new long[4]; // lines, accepted, duplicates, rejected
        NdjsonLines.Line line;
        while ((line = lines.next()) != null) {
            counts[0]++;
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            String reason = line.unreadable();
            String channel = "api";
            String kind = "malformed";
            if (reason == null) {
                try {
                    IncomingMessage message = parse(line.text());
                    channel = message.channel().wireName();
                    ingestion.check(message);
                    chunk.add(message);
                } catch (LineRejected e) {
                    reason = e.getMessage();
                    channel = e.channel;
                    kind = e.kind;
                } catch (ProblemException e) {
                    reason = e.getMessage();
                    kind = "invalid";
                }
            }
            if (reason != null) {
                counts[3]++;
                metrics.rejected(channel, kind);
                if (rejections.size() < config.maxReportedRejections()) {
                    rejections.add(new BulkSummary.Rejection(line.number(), reason));
                }
            }
            if (chunk.size() >= config.chunkSize()) {
                store(chunk, counts);
            }
        }
        store(chunk, counts);
        return new BulkSummary(counts[0], counts[1], counts[2], counts[3], rejections, counts[3] > rejections.size());
    }

    private void store(List<IncomingMessage> chunk, long[] counts) {
        if (chunk.isEmpty()) {
            return;
        }
        for (MessageAccepted accepted : ingestion.acceptAll(chunk)) {
            counts[accepted.duplicate() ? 2 : 1]++;
        }
        chunk.clear();
    }

    private IncomingMessage parse(String text) {
        MessageRequest request;
        try {
            request = reader.readValue(text);
        } catch (JsonParseException e) {
            throw new LineRejected("not valid JSON: " + e.getOriginalMessage(), "api");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new LineRejected(
                    field.isEmpty() ? "not a JSON object of a message" : "'" + field + "' has the wrong type or value",
                    "api");
        } catch (JsonProcessingException e) {
            throw new LineRejected("not valid JSON for a message", "api");
        }
        if (request == null) {
            throw new LineRejected("not a JSON object of a message", "api");
        }
        Set<ConstraintViolation<MessageRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            String detail = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new LineRejected(
                    detail,
                    request.channel() == null ? "api" : request.channel().wireName(),
                    "invalid");
        }
        return request.toIncoming();
    }

    /** A line that is not a valid message; never leaves this class. */
    private static final class LineRejected extends RuntimeException {
        final String channel;
        final String kind;

        LineRejected(String reason, String channel) {
            this(reason, channel, "malformed");
        }

        LineRejected(String reason, String channel, String kind) {
            super(reason, null, false, false);
            this.channel = channel;
            this.kind = kind;
        }
    }
}
