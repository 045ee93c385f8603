package io.webcare.routing.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a social message into tokens. Links are dropped, mentions kept apart (they say who a clause is about, never
 * what it says), hashtags split into words ({@code #NoInternet} = no internet), emoji and emoticons kept as tokens.
 */
final class Tokenizer {
    private static final Pattern TOKEN = Pattern.compile("(?<url>(?:https?://|www\\.)\\S+)"
            + "|(?<mention>@\\w+)"
            + "|(?<hashtag>#[\\p{L}\\p{N}_]+)"
            + "|(?<emoticon>(?<![\\p{L}\\p{N}])(?:[:;=8][-'^o]?[)(\\]\\[dDpP/\\\\|*3]|<3|\\^_\\^|xD|XD)(?![\\p{L}\\p{N}]))"
            + "|(?<word>[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*)"
            + "|(?<question>\\?+)"
            + "|(?<exclamation>!+)"
            + "|(?<stop>[.,;:]+|\\s[-–—]+\\s)"
            + "|(?<emoji>[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B50}\\x{2764}])");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|_");

    private Tokenizer() {}

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        // Platforms deliver some texts HTML-escaped (X does).
        text = text.replace("&amp;", "&")
                .replace("&gt;", ">")
                .replace("&lt;", "<")
                .replace("&quot;", "\"");
        boolean allCaps = !hasLowerCase(text);
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.start(1) >= 0) {
                continue;
            }
            if (m.start(2) >= 0) {
                tokens.add(new Token(m.group().toLowerCase(Locale.ROOT), Token.Kind.MENTION, false));
            } else if (m.start(3) >= 0) {
                for (String part : CAMEL.split(m.group().substring(1))) {
                    if (!part.isEmpty()) {
                        tokens.add(new Token(part.toLowerCase(Locale.ROOT), Token.Kind.WORD, false));
                    }
                }
            } else if (m.start(4) >= 0) {
                tokens.add(new Token(m.group(), Token.Kind.EMOJI, false));
            } else if (m.start(5) >= 0) {
                String word = m.group();
                boolean shouting = !allCaps && word.length() > 1 && !hasLowerCase(word) && hasLetter(word);
                tokens.add(new Token(word.replace('’', '\'').toLowerCase(Locale.ROOT), Token.Kind.WORD, shouting));
            } else if (m.start(6) >= 0) {
                tokens.add(new Token("?", Token.Kind.QUESTION_MARK, false));
            } else if (m.start(7) >= 0) {
                tokens.add(new Token("!", Token.Kind.EXCLAMATION, false));
            } else if (m.start(8) >= 0) {
                tokens.add(new Token(".", Token.Kind.BREAK, false));
            } else {
                tokens.add(new Token(m.group(), Token.Kind.EMOJI, false));
            }
        }
        return tokens;
    }

    private static boolean hasLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
