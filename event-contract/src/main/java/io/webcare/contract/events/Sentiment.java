package io.webcare.contract.events;

import java.util.List;

/** Sentiment about us in [-1, 1], its label, and the words that drove it (so an agent sees why). */
public record Sentiment(double score, String label, List<String> drivers) {}
