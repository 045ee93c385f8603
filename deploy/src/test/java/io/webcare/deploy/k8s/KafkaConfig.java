package io.webcare.deploy.k8s;

import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/** What a service's application.properties says it reads and writes on Kafka (its prod profile). */
record KafkaConfig(List<String> consumed, List<String> produced, List<String> groups) {

    static KafkaConfig of(String service) {
        Properties properties = Manifests.prodProperties(service);
        var consumed = new TreeSet<String>();
        var produced = new TreeSet<String>();
        var groups = new TreeSet<String>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".dead-letter-queue.topic")) {
                produced.add(value);
            } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                consumed.add(value);
            } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                groups.add(value);
            } else if (key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic")) {
                produced.add(value);
            }
        }
        return new KafkaConfig(List.copyOf(consumed), List.copyOf(produced), List.copyOf(groups));
    }
}
