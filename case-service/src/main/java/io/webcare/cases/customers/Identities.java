package io.webcare.cases.customers;

import java.util.Locale;
import java.util.Set;

/** The kinds of identity a profile links, and how their values are written (so that one person matches once). */
public final class Identities {
    public static final Set<String> KINDS = Set.of("x", "facebook", "instagram", "whatsapp", "email", "phone", "crm");

    private Identities() {}

    /**
     * E-mail addresses and handles ignore case; phone and WhatsApp numbers ignore spaces, dashes, brackets and the
     * international prefix (+ or 00), as WhatsApp writes them ("31612345678").
     */
    public static String normalise(String kind, String value) {
        String trimmed = value.trim();
        return switch (kind) {
            case "email", "x", "instagram" -> trimmed.toLowerCase(Locale.ROOT);
            case "phone", "whatsapp" -> trimmed.replaceAll("[\\s()\\-.]", "").replaceFirst("^(\\+|00)", "");
            default -> trimmed;
        };
    }

    public static String key(String kind, String value) {
        return kind + ":" + value;
    }
}
