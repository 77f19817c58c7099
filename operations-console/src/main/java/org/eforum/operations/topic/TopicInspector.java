package org.eforum.operations.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/** Reads topics, end offsets and consumer group offsets through the Kafka Admin API. */
@Component
public class TopicInspector {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;

    public TopicInspector(Admin admin) {
        this.admin = admin;
    }

    public List<TopicView> topics() {
        try {
            Set<String> names = get(admin.listTopics().names());
            Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames());
            List<TopicPartition> partitions = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets();
            Map<String, String> groupStates = groupStates();

            return descriptions.values().stream().sorted(Comparator.comparing(TopicDescription::name))
                    .map(d -> view(d, starts, ends, committed, groupStates)).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    private static TopicView view(TopicDescription description, Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends, Map<String, Map<TopicPartition, OffsetAndMetadata>> committed,
            Map<String, String> groupStates) {
        String topic = description.name();
        List<TopicView.PartitionView> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .map(tp -> new TopicView.PartitionView(tp.partition(), starts.getOrDefault(tp, 0L), ends.getOrDefault(tp, 0L)))
                .toList();
        long messages = partitions.stream().mapToLong(p -> p.endOffset() - p.startOffset()).sum();
        List<TopicView.ConsumerGroupView> groups = new ArrayList<>();
        committed.forEach((groupId, offsets) -> {
            List<TopicView.GroupPartitionView> groupPartitions = partitions.stream()
                    .filter(p -> offsets.containsKey(new TopicPartition(topic, p.partition())))
                    .map(p -> {
                        OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, p.partition()));
                        Long position = offset == null ? null : offset.offset();
                        long lag = position == null ? p.endOffset() - p.startOffset() : Math.max(0, p.endOffset() - position);
                        return new TopicView.GroupPartitionView(p.partition(), position, p.endOffset(), lag);
                    }).toList();
            if (!groupPartitions.isEmpty()) {
                groups.add(new TopicView.ConsumerGroupView(groupId, groupStates.getOrDefault(groupId, "UNKNOWN"),
                        groupPartitions.stream().mapToLong(TopicView.GroupPartitionView::lag).sum(), groupPartitions));
            }
        });
        groups.sort(Comparator.comparing(TopicView.ConsumerGroupView::groupId));
        return new TopicView(topic, partitions.size(), messages, partitions, groups, null);
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets()
            throws ExecutionException, InterruptedException, TimeoutException {
        Collection<ConsumerGroupListing> groups = get(admin.listConsumerGroups().all());
        if (groups.isEmpty()) {
            return Map.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
                .collect(Collectors.toMap(ConsumerGroupListing::groupId, g -> new ListConsumerGroupOffsetsSpec()));
        return get(admin.listConsumerGroupOffsets(specs).all());
    }

    private Map<String, String> groupStates() throws ExecutionException, InterruptedException, TimeoutException {
        return get(admin.listConsumerGroups().all()).stream().collect(Collectors.toMap(ConsumerGroupListing::groupId,
                g -> g.groupState().map(Enum::name).orElse("UNKNOWN"), (a, b) -> a));
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
