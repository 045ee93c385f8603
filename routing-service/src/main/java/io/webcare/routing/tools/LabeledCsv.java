package io.webcare.routing.tools;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows of a labeled CSV file with a header line: the text and the gold label, optionally deduplicated on a column. */
final class LabeledCsv {
    record Row(String text, String label) {}

    private LabeledCsv() {}

    static List<Row> read(Path file, String textColumn, String labelColumn, String dedupeColumn) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                if (!row.containsKey(textColumn) || !row.containsKey(labelColumn)) {
                    throw new IllegalArgumentException(
                            "columns " + textColumn + " and " + labelColumn + " expected, found " + row.keySet());
                }
                String text = row.get(textColumn);
                String label = row.get(labelColumn);
                if (text == null || text.isBlank() || label == null || label.isBlank()) {
                    continue;
                }
                if (dedupeColumn != null && !seen.add(row.get(dedupeColumn))) {
                    continue;
                }
                rows.add(new Row(text, label.strip().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return rows;
    }
}
