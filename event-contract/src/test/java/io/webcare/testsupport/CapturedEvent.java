package io.webcare.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.webcare.contract.kafka.CloudEvent;

/** An event a test saw on a topic: its key, CloudEvents attributes, and payload (raw and typed). */
public record CapturedEvent<T>(String key, CloudEvent cloudEvent, JsonNode json, T payload) {}
