package io.webcare.routing.tools;

import io.webcare.contract.events.Reach;
import io.webcare.routing.analysis.AnalysisSettings;
import io.webcare.routing.analysis.MessageAnalyser;

/** Prints the analysis of each text given as an argument: a quick look at what the analyser makes of a message. */
public final class Explain {
    private Explain() {}

    public static void main(String[] texts) {
        MessageAnalyser analyser = new MessageAnalyser(AnalysisSettings.fromClasspath());
        for (String text : texts) {
            System.out.println(text + "\n  -> " + analyser.analyse(text, new Reach(0, false, true)));
        }
    }
}
