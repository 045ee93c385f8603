package io.webcare.routing.analysis;

/**
 * One unit of a message: a lower-cased word (hashtags split into their words), an emoji or emoticon, a mention, or a
 * clause break.
 *
 * @param text lower-cased text (a mention keeps its {@code @}; a break is the punctuation or contrast word)
 * @param shouting true when the word was written in capitals in a text that is not all capitals
 */
record Token(String text, Kind kind, boolean shouting) {
    enum Kind {
        WORD,
        EMOJI,
        MENTION,
        QUESTION_MARK,
        EXCLAMATION,
        BREAK
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }
}
