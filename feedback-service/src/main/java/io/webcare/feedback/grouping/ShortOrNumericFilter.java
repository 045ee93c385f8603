package io.webcare.feedback.grouping;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Drops tokens that name no problem: single letters, numbers (times, flight and order numbers) and very long runs. */
final class ShortOrNumericFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ShortOrNumericFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        int length = term.length();
        if (length < 2 || length > 30) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < length; i++) {
            if (Character.isLetter(term.charAt(i))) {
                letters++;
            }
        }
        return letters * 2 > length;
    }
}
