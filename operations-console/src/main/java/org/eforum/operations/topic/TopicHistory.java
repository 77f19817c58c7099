package org.eforum.operations.topic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The last minutes of every topic, in memory: at each sample the sum of its end offsets (every record ever
 * produced), the rate since the sample before, and each consumer group's lag. A restart starts empty.
 */
public class TopicHistory {

    /**
     * @param at            when the offsets were read
     * @param endOffsets    the sum of the topic's end offsets
     * @param ratePerSecond records produced per second since the previous sample (null for the first one)
     * @param lag           consumer group → its total lag on this topic
     */
    public record Sample(Instant at, long endOffsets, Double ratePerSecond, Map<String, Long> lag) {
    }

    /** One topic's samples, oldest first. */
    public record Series(String topic, List<Sample> samples) {
    }

    /** What {@code GET /api/topics/history} answers. */
    public record Snapshot(double sampleIntervalSeconds, long retentionSeconds, List<Series> topics) {
    }

    private final Duration interval;
    private final Duration retention;
    private final Map<String, Deque<Sample>> samples = new HashMap<>();

    public TopicHistory(Duration interval, Duration retention) {
        this.interval = interval;
        this.retention = retention;
    }

    public synchronized void record(Instant at, List<TopicView> topics) {
        Set<String> present = topics.stream().map(TopicView::name).collect(Collectors.toSet());
        samples.keySet().retainAll(present); // a deleted topic has no history any more
        for (TopicView topic : topics) {
            Deque<Sample> series = samples.computeIfAbsent(topic.name(), name -> new ArrayDeque<>());
            Sample previous = series.peekLast();
            long end = topic.endOffsets();
            Map<String, Long> lag = new TreeMap<>();
            topic.consumerGroups().forEach(group -> lag.put(group.groupId(), group.totalLag()));
            series.addLast(new Sample(at, end, rate(previous, at, end), Map.copyOf(lag)));
            Instant oldest = at.minus(retention);
            while (!series.isEmpty() && series.peekFirst().at().isBefore(oldest)) {
                series.removeFirst();
            }
        }
    }

    private static Double rate(Sample previous, Instant at, long end) {
        if (previous == null || !at.isAfter(previous.at()) || end < previous.endOffsets()) {
            return null; // the first sample, or the topic was re-created: no rate yet
        }
        double seconds = Duration.between(previous.at(), at).toNanos() / 1e9;
        return Math.round((end - previous.endOffsets()) / seconds * 100) / 100.0;
    }

    /** Records per second between the last two samples of {@code topic}; null before there are two. */
    public synchronized Double ratePerSecond(String topic) {
        Deque<Sample> series = samples.get(topic);
        return series == null || series.isEmpty() ? null : series.peekLast().ratePerSecond();
    }

    /** Every topic's samples, or only {@code topic}'s when it is given. */
    public synchronized Snapshot snapshot(String topic) {
        List<Series> series = new ArrayList<>();
        new TreeMap<>(samples).forEach((name, values) -> {
            if (topic == null || topic.equals(name)) {
                series.add(new Series(name, List.copyOf(values)));
            }
        });
        return new Snapshot(interval.toMillis() / 1000.0, retention.toSeconds(), series);
    }
}
