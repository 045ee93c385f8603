package io.webcare.contract.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where a message came from. Phone and e-mail are contacts the contact centre pushes, for a complete history. */
public enum Channel {
    X("x"),
    FACEBOOK("facebook"),
    INSTAGRAM("instagram"),
    WHATSAPP("whatsapp"),
    PHONE("phone"),
    EMAIL("email");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Channel fromWireName(String name) {
        return Arrays.stream(values())
                .filter(c -> c.wireName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + name));
    }
}
