package io.webcare.contract.events;

/** How many people may read the message: the author's followers, verified status and whether it is public. */
public record Reach(long followers, boolean verified, boolean isPublic) {}
