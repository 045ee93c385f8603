package io.webcare.contract.events;

/** An attachment of a message: {@code type} is image, video, audio or file. */
public record Media(String type, String url) {}
