package io.webcare.routing.analysis;

import io.webcare.contract.events.Sentiment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Lexicon sentiment about us, in the manner of VADER: valences of words, phrases and emoji, turned by negation
 * ({@code niet leuk}, {@code not happy}), strengthened by intensifiers, capitals and exclamation marks, weakened by
 * diminishers. The message is cut into clauses: after a contrast word ({@code maar}, {@code but}) a clause weighs
 * more and the one before less, and a clause about another brand and not about us counts against that brand, not
 * against us ("X is rubbish, @us is great" is positive about us; "X does it much better" is negative about us).
 */
final class SentimentScorer {
    private static final double NEGATION = -0.74;
    private static final double INTENSIFY = 1.3;
    private static final double DIMINISH = 0.7;
    private static final double SHOUT = 1.25;
    private static final double BEFORE_CONTRAST = 0.5;
    private static final double AFTER_CONTRAST = 1.5;
    private static final double ABOUT_OTHER_BRAND = -0.5;
    private static final double NORMALISATION = 15;
    private static final int NEGATION_SCOPE = 3;
    private static final int MAX_DRIVERS = 5;
    private static final double POLITENESS_IN_COMPLAINT = 0.3;
    private static final double QUESTION_POSITIVE = 0.5;
    /** Negative valence (summed) from which a message reports a service failure. */
    private static final double SERVICE_FAILURE = 1.5;
    /** How much of the praise next to a service failure counts. */
    private static final double PRAISE_NEXT_TO_FAILURE = 0.5;

    private final Lexicon lexicon;
    private final Cues cues;
    private final Set<String> ownHandles;
    /** The own handles without their {@code @}, as they appear when written as a word or hashtag. */
    private final Set<String> ownNames;

    private final Set<String> otherBrands;
    private final double positiveThreshold;
    private final double negativeThreshold;

    SentimentScorer(Lexicon lexicon, Cues cues, AnalysisSettings settings, String language) {
        this.lexicon = lexicon;
        this.cues = cues;
        this.ownHandles = settings.ownHandles();
        this.ownNames = ownHandles.stream()
                .map(h -> h.startsWith("@") ? h.substring(1) : h)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.otherBrands = settings.otherBrands();
        this.positiveThreshold = settings.positiveThreshold(language);
        this.negativeThreshold = settings.negativeThreshold();
    }

    private static final class Clause {
        final List<String> words = new ArrayList<>();
        final List<Boolean> shouting = new ArrayList<>();
        boolean beforeContrast;
        boolean afterContrast;
        boolean aboutUs;
        String otherBrand;
        int exclamations;
        boolean question;

        boolean isEmpty() {
            return words.isEmpty();
        }
    }

    private record Driver(String text, double value) {
        Driver times(double factor) {
            return new Driver(text, value * factor);
        }
    }

    /** The sentiment of a message; {@code asks} when it asks a question. */
    Sentiment score(List<Token> tokens, boolean asks) {
        List<Clause> clauses = clauses(tokens);
        List<Driver> drivers = new ArrayList<>();
        List<Driver> politeness = new ArrayList<>();
        List<Driver> praiseBeforeContrast = new ArrayList<>();
        double negative = 0;
        for (Clause clause : clauses) {
            double weight = 1;
            if (clause.beforeContrast) {
                weight *= BEFORE_CONTRAST;
            }
            if (clause.afterContrast) {
                weight *= AFTER_CONTRAST;
            }
            boolean aboutOther = clause.otherBrand != null && !clause.aboutUs;
            if (aboutOther) {
                weight *= ABOUT_OTHER_BRAND;
            }
            weight *= 1 + 0.15 * Math.min(clause.exclamations, 3);
            List<Driver> found = new ArrayList<>();
            weigh(clause, weight, aboutOther, found);
            for (Driver d : found) {
                if (d.value() < 0) {
                    negative -= d.value();
                    drivers.add(d);
                } else if (cues.politeness().contains(d.text())) {
                    politeness.add(d);
                } else if (!clause.afterContrast && !aboutOther) {
                    praiseBeforeContrast.add(d);
                } else {
                    drivers.add(d);
                }
            }
        }
        // "Thanks" and "please" around a complaint or a question are politeness, not praise.
        double politenessFactor = negative > 0 || asks ? POLITENESS_IN_COMPLAINT : 1;
        politeness.forEach(d -> drivers.add(d.times(politenessFactor)));
        // Praise next to a clear service failure is mostly sarcasm ("great, another delay") or a courtesy ("love you
        // guys, but..."): it does not outweigh the failure. Praise after a contrast word still counts in full.
        double praise = praiseBeforeContrast.stream().mapToDouble(Driver::value).sum();
        double praiseFactor = negative >= SERVICE_FAILURE && praise > 0
                ? 1 - Math.min(praise, negative) * (1 - PRAISE_NEXT_TO_FAILURE) / praise
                : 1;
        praiseBeforeContrast.forEach(d -> drivers.add(d.times(praiseFactor)));

        double total = drivers.stream().mapToDouble(Driver::value).sum();
        double score = total / Math.sqrt(total * total + NORMALISATION);
        score = Math.round(score * 1000) / 1000.0;
        String label = score >= positiveThreshold ? "positive" : score <= negativeThreshold ? "negative" : "neutral";
        // The words that drove the label come first, strongest first; then the ones that pulled the other way.
        double direction = label.equals("neutral") ? 0 : Math.signum(total);
        List<String> driverTexts = drivers.stream()
                .filter(d -> d.value() != 0)
                .sorted(Comparator.comparingDouble((Driver d) -> Math.signum(d.value()) == direction ? 0 : 1)
                        .thenComparingDouble(d -> -Math.abs(d.value())))
                .map(Driver::text)
                .distinct()
                .limit(MAX_DRIVERS)
                .toList();
        return new Sentiment(score, label, driverTexts);
    }

    private double weigh(Clause clause, double weight, boolean aboutOther, List<Driver> drivers) {
        List<String> words = clause.words;
        double sum = 0;
        double[] found = new double[1];
        double[] probe = new double[1];
        int lastHitEnd = 0;
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i);
            if (ownNames.contains(word)) {
                i++;
                continue;
            }
            int n = lexicon.longestAt(words, i, found);
            boolean modifier = cues.negators().contains(word)
                    || cues.intensifiers().contains(word)
                    || cues.diminishers().contains(word);
            if (modifier && n <= 1 && i + 1 < words.size() && lexicon.longestAt(words, i + 1, probe) > 0) {
                i++;
                continue;
            }
            if (n == 0 || found[0] == 0) {
                i += Math.max(n, 1);
                continue;
            }
            double value = found[0];
            String text = n == 1 ? word : String.join(" ", words.subList(i, i + n));
            boolean negated = false;
            boolean emoji = !Character.isLetterOrDigit(word.codePointAt(0));
            int scopeStart = emoji ? i : Math.max(lastHitEnd, i - NEGATION_SCOPE);
            for (int back = i - 1; back >= scopeStart; back--) {
                if (cues.negators().contains(words.get(back))) {
                    negated = true;
                    text = words.get(back) + " " + text;
                    break;
                }
            }
            if (negated) {
                value *= NEGATION;
            }
            String before = i > 0 ? words.get(i - 1) : "";
            if (cues.intensifiers().contains(before)) {
                value *= INTENSIFY;
                if (!negated) {
                    text = before + " " + text;
                }
            } else if (cues.diminishers().contains(before)) {
                value *= DIMINISH;
            }
            if (clause.shouting.get(i)) {
                value *= SHOUT;
            }
            if (clause.question && value > 0) {
                // "Would you love to help?" asks; it does not praise.
                value *= QUESTION_POSITIVE;
            }
            sum += value;
            drivers.add(new Driver(aboutOther ? text + " (about " + clause.otherBrand + ")" : text, value * weight));
            i += n;
            lastHitEnd = i;
        }
        return sum * weight;
    }

    private List<Clause> clauses(List<Token> tokens) {
        List<Clause> clauses = new ArrayList<>();
        Clause current = new Clause();
        // Mentions before the first word address the message; when we are among them, the others are co-addressees.
        // Without us among them, a leading other brand is what the first clause is about ("@X is rubbish, @us ...").
        boolean leading = true;
        boolean addressedToUs = false;
        for (Token token : tokens) {
            if (token.kind() != Token.Kind.MENTION) {
                break;
            }
            if (ownHandles.contains(token.text())) {
                addressedToUs = true;
                break;
            }
        }
        for (Token token : tokens) {
            switch (token.kind()) {
                case MENTION -> {
                    if (!leading || !addressedToUs) {
                        if (ownHandles.contains(token.text())) {
                            current.aboutUs = true;
                        } else if (current.words.isEmpty()) {
                            // A clause is about the one it opens with ("@X is rubbish"); a handle further on is
                            // mostly an object or a person ("I missed the game on @NHL because of you").
                            current.otherBrand = token.text();
                        }
                    }
                    continue;
                }
                case BREAK -> current = close(clauses, current, false);
                case QUESTION_MARK -> {
                    current.question = true;
                    current = close(clauses, current, false);
                }
                case EXCLAMATION -> {
                    current.exclamations++;
                    current = close(clauses, current, false);
                }
                case WORD -> {
                    if (cues.contrast().contains(token.text())) {
                        current.beforeContrast = true;
                        current = close(clauses, current, true);
                        current.afterContrast = true;
                    } else {
                        if (otherBrands.contains(token.text())) {
                            current.otherBrand = token.text();
                        } else if (ownNames.contains(token.text())) {
                            current.aboutUs = true;
                        }
                        current.words.add(token.text());
                        current.shouting.add(token.shouting());
                    }
                }
                case EMOJI -> {
                    current.words.add(token.text());
                    current.shouting.add(false);
                }
            }
            leading = false;
        }
        close(clauses, current, false);
        return clauses;
    }

    private static Clause close(List<Clause> clauses, Clause clause, boolean keepEmpty) {
        if (!clause.isEmpty() || keepEmpty) {
            clauses.add(clause);
        } else if (!clauses.isEmpty() && clause.exclamations > 0) {
            clauses.getLast().exclamations += clause.exclamations;
        }
        return new Clause();
    }
}
