package io.webcare.deploy.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;

/**
 * The tap must read every compression the services' producers may use; the Quarkus BOM swaps kafka-clients' LZ4
 * library for a fork, so a missing codec shows up only when the first compressed batch arrives.
 */
class EventTapCodecTest {

    @Test
    void readsBatchesCompressedWithEveryCodecTheProducersMayUse() {
        for (Compression compression : List.of(
                Compression.lz4().build(),
                Compression.zstd().build(),
                Compression.snappy().build(),
                Compression.gzip().build())) {
            MemoryRecords batch = MemoryRecords.withRecords(
                    compression,
                    new SimpleRecord(
                            "c1".getBytes(StandardCharsets.UTF_8),
                            "{\"caseId\":\"c1\"}".getBytes(StandardCharsets.UTF_8)));

            List<String> values = new ArrayList<>();
            for (Record record : batch.records()) {
                byte[] bytes = new byte[record.valueSize()];
                record.value().get(bytes);
                values.add(new String(bytes, StandardCharsets.UTF_8));
            }

            assertThat(values).as(compression.type().name).containsExactly("{\"caseId\":\"c1\"}");
        }
    }
}
