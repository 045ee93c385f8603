package io.webcare.routing.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a social message into tokens. Links are dropped, mentions kept apart (they say who a clause is about, never
 * what it says), hashtags split into words ({@code #NoInternet} = no internet), emoji and emoticons kept as tokens.
 *
 * <p>One hand-written pass over the text (a regular expression cost a quarter of the analysis). At each position the
 * first of these that matches is taken, as an alternation would: a link ({@code http://}, {@code https://} or
 * {@code www.} up to the next white space), a mention ({@code @} and ASCII word characters), a hashtag ({@code #}
 * and letters, digits, {@code _}), an emoticon ({@code :-)}, {@code ;p}, {@code <3}, {@code ^_^}, {@code xD}, not
 * inside a word), a word (letters and digits, with {@code 's}-like apostrophe parts), {@code ?}s, {@code !}s, a
 * clause break ({@code .,;:} or a dash between spaces), an emoji; anything else is skipped.
 */
final class Tokenizer {
    private Tokenizer() {}

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        // Platforms deliver some texts HTML-escaped (X does).
        if (text.indexOf('&') >= 0) {
            text = text.replace("&amp;", "&")
                    .replace("&gt;", ">")
                    .replace("&lt;", "<")
                    .replace("&quot;", "\"");
        }
        boolean allCaps = !hasLowerCase(text, 0, text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end;
            if ((end = link(text, i)) > i) {
                i = end;
            } else if (c == '@' && (end = asciiWordEnd(text, i + 1)) > i + 1) {
                tokens.add(new Token(text.substring(i, end).toLowerCase(Locale.ROOT), Token.Kind.MENTION, false));
                i = end;
            } else if (c == '#' && (end = hashtagEnd(text, i + 1)) > i + 1) {
                addHashtagWords(text, i + 1, end, tokens);
                i = end;
            } else if ((end = emoticon(text, i)) > i) {
                tokens.add(new Token(text.substring(i, end), Token.Kind.EMOJI, false));
                i = end;
            } else if ((end = wordEnd(text, i)) > i) {
                String word = text.substring(i, end);
                boolean shouting =
                        !allCaps && word.length() > 1 && !hasLowerCase(word, 0, word.length()) && hasLetter(word);
                tokens.add(new Token(word.replace('’', '\'').toLowerCase(Locale.ROOT), Token.Kind.WORD, shouting));
                i = end;
            } else if (c == '?') {
                i = run(text, i, '?');
                tokens.add(new Token("?", Token.Kind.QUESTION_MARK, false));
            } else if (c == '!') {
                i = run(text, i, '!');
                tokens.add(new Token("!", Token.Kind.EXCLAMATION, false));
            } else if ((end = clauseBreak(text, i)) > i) {
                tokens.add(new Token(".", Token.Kind.BREAK, false));
                i = end;
            } else {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (isEmoji(cp)) {
                    tokens.add(new Token(text.substring(i, next), Token.Kind.EMOJI, false));
                    i = next;
                } else {
                    i++;
                }
            }
        }
        return tokens;
    }

    /** End of a link starting at {@code i}, or {@code i}. */
    private static int link(String text, int i) {
        int rest;
        if (text.startsWith("http://", i)) {
            rest = i + 7;
        } else if (text.startsWith("https://", i)) {
            rest = i + 8;
        } else if (text.startsWith("www.", i)) {
            rest = i + 4;
        } else {
            return i;
        }
        int end = rest;
        while (end < text.length() && !isSpace(text.charAt(end))) {
            end++;
        }
        return end > rest ? end : i;
    }

    private static int asciiWordEnd(String text, int i) {
        while (i < text.length() && isAsciiWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int hashtagEnd(String text, int i) {
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isLetterOrNumber(cp) && cp != '_') {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** A hashtag's words: split where a lower-case letter meets a capital, a letter meets a digit, and at {@code _}. */
    private static void addHashtagWords(String text, int start, int end, List<Token> tokens) {
        int partStart = start;
        int i = start;
        while (i < end) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            // What precedes is one char, as a regular expression's look-behind sees it.
            char previous = i > start ? text.charAt(i - 1) : '_';
            if (cp == '_') {
                addPart(text, partStart, i, tokens);
                partStart = next;
            } else if ((Character.getType(previous) == Character.LOWERCASE_LETTER
                            && Character.getType(cp) == Character.UPPERCASE_LETTER)
                    || (Character.isLetter(previous) && isNumber(cp))) {
                addPart(text, partStart, i, tokens);
                partStart = i;
            }
            i = next;
        }
        addPart(text, partStart, end, tokens);
    }

    private static void addPart(String text, int start, int end, List<Token> tokens) {
        if (end > start) {
            tokens.add(new Token(text.substring(start, end).toLowerCase(Locale.ROOT), Token.Kind.WORD, false));
        }
    }

    /** End of an emoticon starting at {@code i} that is not part of a word, or {@code i}. */
    private static int emoticon(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        int end = i;
        if (c == ':' || c == ';' || c == '=' || c == '8') {
            int j = i + 1;
            if (j < n && "-'^o".indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            if (j < n && ")(][dDpP/\\|*3".indexOf(text.charAt(j)) >= 0) {
                end = j + 1;
            }
        } else if (c == '<' && i + 1 < n && text.charAt(i + 1) == '3') {
            end = i + 2;
        } else if (c == '^' && text.startsWith("_^", i + 1)) {
            end = i + 3;
        } else if ((c == 'x' || c == 'X') && i + 1 < n && text.charAt(i + 1) == 'D') {
            end = i + 2;
        }
        if (end == i) {
            return i;
        }
        // What precedes is one char, as a regular expression's look-behind sees it.
        boolean afterWord = i > 0 && isLetterOrNumber(text.charAt(i - 1));
        boolean beforeWord = end < n && isLetterOrNumber(text.codePointAt(end));
        return afterWord || beforeWord ? i : end;
    }

    /** End of a word (letters and digits, then any apostrophe-and-letters parts) starting at {@code i}, or {@code i}. */
    private static int wordEnd(String text, int i) {
        int n = text.length();
        int end = i;
        while (end < n) {
            int cp = text.codePointAt(end);
            if (!isLetterOrNumber(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        if (end == i) {
            return i;
        }
        while (end + 1 < n && (text.charAt(end) == '\'' || text.charAt(end) == '’')) {
            int partEnd = end + 1;
            while (partEnd < n) {
                int cp = text.codePointAt(partEnd);
                if (!Character.isLetter(cp)) {
                    break;
                }
                partEnd += Character.charCount(cp);
            }
            if (partEnd == end + 1) {
                break;
            }
            end = partEnd;
        }
        return end;
    }

    private static int run(String text, int i, char c) {
        while (i < text.length() && text.charAt(i) == c) {
            i++;
        }
        return i;
    }

    /** End of a clause break ({@code .,;:} or a dash between white space) starting at {@code i}, or {@code i}. */
    private static int clauseBreak(String text, int i) {
        int n = text.length();
        int end = i;
        while (end < n && ".,;:".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        if (end > i) {
            return end;
        }
        if (isSpace(text.charAt(i))) {
            int j = i + 1;
            while (j < n && "-–—".indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            if (j > i + 1 && j < n && isSpace(text.charAt(j))) {
                return j + 1;
            }
        }
        return i;
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2B50 || cp == 0x2764;
    }

    /** White space as regular expressions mean it by default: ASCII only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isLetterOrNumber(int cp) {
        return Character.isLetter(cp) || isNumber(cp);
    }

    /** Any Unicode number (digits, Roman numerals, superscripts), as {@code \p{N}}. */
    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean hasLowerCase(String text, int from, int to) {
        for (int i = from; i < to; i++) {
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
