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

import org.jspecify.annotations.Nullable;

/**
 * The last minutes of every topic, in memory: at each sample the sum of its end offsets (every record ever
 * produced), the rate since the sample before, and each consumer group's lag. Filled from the samples topic, which
 * one console instance writes and every one reads, so all show the same history, and a restarted one the past
 * minutes at once.
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

    /**
     * What {@code GET /api/topics/history} answers.
     *
     * @param sampledBy the console instance that took the newest sample (null before the first one)
     */
    public record Snapshot(double sampleIntervalSeconds, long retentionSeconds, @Nullable String sampledBy,
            List<Series> topics) {
    }

    private final Duration interval;
    private final Duration retention;
    private final Map<String, Deque<Sample>> samples = new HashMap<>();
    private @Nullable Instant newest;
    private @Nullable String sampledBy;

    public TopicHistory(Duration interval, Duration retention) {
        this.interval = interval;
        this.retention = retention;
    }

    /**
     * Adds a sample, unless it is not newer than the newest one already recorded: a sample read again (the reader
     * starting over after an error) or from a sampler whose clock is behind the one before it.
     *
     * @return whether it was recorded
     */
    public synchronized boolean record(TopicSample sample, @Nullable String sampler) {
        Instant at = sample.at();
        if (newest != null && !at.isAfter(newest)) {
            return false;
        }
        newest = at;
        sampledBy = sampler;
        Set<String> present = sample.topics().stream().map(TopicSample.SampledTopic::name).collect(Collectors.toSet());
        samples.keySet().retainAll(present); // a deleted topic has no history any more
        for (TopicSample.SampledTopic topic : sample.topics()) {
            Deque<Sample> series = samples.computeIfAbsent(topic.name(), name -> new ArrayDeque<>());
            Sample previous = series.peekLast();
            long end = topic.endOffsets();
            series.addLast(new Sample(at, end, rate(previous, at, end), topic.lag()));
            Instant oldest = at.minus(retention);
            while (!series.isEmpty() && series.peekFirst().at().isBefore(oldest)) {
                series.removeFirst();
            }
        }
        return true;
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
        return new Snapshot(interval.toMillis() / 1000.0, retention.toSeconds(), sampledBy, series);
    }
}
