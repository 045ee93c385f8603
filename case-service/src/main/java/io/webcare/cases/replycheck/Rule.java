package io.webcare.cases.replycheck;

import java.util.List;

/** One webcare rule (domain.md): finds the words in a draft that break it. */
public interface Rule {
    String name();

    List<Hit> find(Draft draft);

    /** Words that break the rule, and why. */
    record Hit(String words, String message) {}
}
