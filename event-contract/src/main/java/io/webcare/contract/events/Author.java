package io.webcare.contract.events;

/** Who wrote a message, as the platform describes them; {@code followers} is the reach of a public message. */
public record Author(String id, String handle, String name, long followers, boolean verified) {}
