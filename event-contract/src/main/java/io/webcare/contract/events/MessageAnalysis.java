package io.webcare.contract.events;

import java.util.List;

/** What routing understood of a message: the evidence behind its decision. */
public record MessageAnalysis(
        String language, Sentiment sentiment, Intent intent, List<String> signals, List<String> topics, Reach reach) {}
