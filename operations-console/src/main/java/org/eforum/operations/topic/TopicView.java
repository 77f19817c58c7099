package org.eforum.operations.topic;

import java.util.List;

/**
 * A topic as an operator sees it: its partitions with their end offsets, and each consumer group that has
 * committed offsets on it, with the lag per partition and in total.
 */
public record TopicView(String name, int partitionCount, long messages, List<PartitionView> partitions,
        List<ConsumerGroupView> consumerGroups) {

    public record PartitionView(int partition, long startOffset, long endOffset) {
    }

    public record ConsumerGroupView(String groupId, String state, long totalLag, List<GroupPartitionView> partitions) {
    }

    public record GroupPartitionView(int partition, Long committedOffset, long endOffset, long lag) {
    }
}
