package io.webcare.routing.tools;

import io.webcare.contract.events.Reach;
import io.webcare.routing.analysis.AnalysisSettings;
import io.webcare.routing.analysis.MessageAnalyser;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the analysis alone, on one thread (= one core): messages per second and the p50/p99/max time per message,
 * after a warm-up, by the wall clock and by the thread's CPU time. Texts come from a CSV column (--file, --text-column) or from built-in Dutch and English samples.
 *
 * <pre>
 * --file PATH --text-column NAME   texts to analyse (default: built-in samples)
 * --warmup N                       messages analysed before measuring (default 200000)
 * --messages N                     messages measured (default 500000)
 * </pre>
 */
public final class Benchmark {
    private static final List<String> SAMPLES = List.of(
            "@acme Al drie dagen geen internet in Utrecht, storing! Niemand helpt #internetstoring",
            "Hoe kan ik mijn abonnement omzetten naar 5G?",
            "@acme bedankt voor de snelle hulp gisteren, top service 👍",
            "@acme Slechtste bedrijf ooit. Nooit meer.",
            "@acme You charged me twice this month and still no refund, please sort it out",
            "@acme_nl waarom is mijn factuur weer hoger dan vorige maand? Dit is niet leuk",
            "Journalist at the Daily News here, can we get a comment for tomorrow's paper?",
            "@OtherTelco is rubbish, @acme is great 😍",
            "@acme my parcel never arrived and nobody answers the phone. I want to cancel my subscription",
            "Win a free iPhone! Click here https://t.co/xyz",
            "@acme Het duurde lang, maar uiteindelijk super geholpen door jullie medewerker",
            "@acme is there an outage in Amsterdam? My wifi is down since this morning");

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        List<String> texts = options.has("file")
                ? LabeledCsv.read(
                                Path.of(options.required("file")),
                                options.required("text-column"),
                                options.required("text-column"),
                                null)
                        .stream()
                        .map(LabeledCsv.Row::text)
                        .toList()
                : SAMPLES;
        int warmup = Integer.parseInt(options.get("warmup", "200000"));
        int measured = Integer.parseInt(options.get("messages", "500000"));

        long startUp = System.nanoTime();
        MessageAnalyser analyser = new MessageAnalyser(AnalysisSettings.fromClasspath());
        double startUpMs = (System.nanoTime() - startUp) / 1e6;
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Reach reach = new Reach(120, false, true);

        for (int i = 0; i < warmup; i++) {
            analyser.analyse(texts.get(i % texts.size()), reach);
        }
        long[] nanos = new long[measured];
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            analyser.analyse(texts.get(i % texts.size()), reach);
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Arrays.sort(nanos);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "texts: %d distinct, %d analysed after %d warm-up, one thread", texts.size(), measured, warmup));
        lines.add(String.format(
                "analyser start-up: %.0f ms; heap in use after start-up: %d MB", startUpMs, memory.getUsed() >> 20));
        lines.add(String.format("throughput: %.0f messages/s per core", measured / seconds));
        // On a shared machine the thread waits for a core now and then: its CPU time is the steadier measure.
        lines.add(String.format(
                "CPU time of the thread: %.0f messages per CPU-second (%.0f%% of the wall time on a core)",
                measured / cpuSeconds, 100 * cpuSeconds / seconds));
        lines.add(String.format(
                "latency per message: p50 %.1f us, p99 %.1f us, max %.1f us",
                nanos[measured / 2] / 1e3, nanos[(int) (measured * 0.99)] / 1e3, nanos[measured - 1] / 1e3));
        lines.forEach(System.out::println);
    }
}
