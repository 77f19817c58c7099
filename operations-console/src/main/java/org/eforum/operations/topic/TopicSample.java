package org.eforum.operations.topic;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one look at Kafka saw, as the sampling console publishes it on {@link SamplesTopicConfig#SAMPLES} (JSON)
 * and every console records it: per topic the sum of its end offsets and each consumer group's total lag.
 */
public record TopicSample(Instant at, List<SampledTopic> topics) {

    public TopicSample {
        topics = List.copyOf(topics);
    }

    /** @param lag consumer group → its total lag on this topic */
    public record SampledTopic(String name, long endOffsets, Map<String, Long> lag) {

        public SampledTopic {
            lag = Map.copyOf(lag);
        }
    }

    static TopicSample of(Instant at, List<TopicView> views) {
        return new TopicSample(at, views.stream().map(view -> {
            Map<String, Long> lag = new TreeMap<>();
            view.consumerGroups().forEach(group -> lag.put(group.groupId(), group.totalLag()));
            return new SampledTopic(view.name(), view.endOffsets(), lag);
        }).toList());
    }
}
