package io.webcare.routing.tools;

import io.webcare.contract.events.Reach;
import io.webcare.routing.analysis.AnalysisSettings;
import io.webcare.routing.analysis.MessageAnalyser;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the full analysis of every text of a CSV column, one line each, so that a change meant to be only faster can
 * be checked to change no result ({@code diff} the files from before and after).
 *
 * <pre>
 * --file PATH --text-column NAME --out PATH
 * </pre>
 */
public final class Snapshot {
    private Snapshot() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        String column = options.required("text-column");
        var rows = LabeledCsv.read(Path.of(options.required("file")), column, column, null);
        MessageAnalyser analyser = new MessageAnalyser(AnalysisSettings.fromClasspath());
        Reach reach = new Reach(0, false, true);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(options.required("out"))))) {
            for (var row : rows) {
                out.println(row.text().replace('\n', ' ') + "\t" + analyser.analyse(row.text(), reach));
            }
        }
    }
}
