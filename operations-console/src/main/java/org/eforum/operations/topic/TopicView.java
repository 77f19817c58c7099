package org.eforum.operations.topic;

import java.util.List;

/**
 * A topic as an operator sees it: its partitions with their end offsets, and each consumer group that has
 * committed offsets on it, with the lag per partition and in total, and the rate at which records arrive.
 */
public record TopicView(String name, int partitionCount, long messages, List<PartitionView> partitions,
        List<ConsumerGroupView> consumerGroups, Double ratePerSecond) {

    /** Records produced per second between the console's last two samples; null until it has two. */
    public TopicView withRate(Double ratePerSecond) {
        return new TopicView(name, partitionCount, messages, partitions, consumerGroups, ratePerSecond);
    }

    /** The sum of the partitions' end offsets: every record ever produced to the topic. */
    public long endOffsets() {
        return partitions.stream().mapToLong(PartitionView::endOffset).sum();
    }

    public record PartitionView(int partition, long startOffset, long endOffset) {
    }

    public record ConsumerGroupView(String groupId, String state, long totalLag, List<GroupPartitionView> partitions) {
    }

    public record GroupPartitionView(int partition, Long committedOffset, long endOffset, long lag) {
    }
}
