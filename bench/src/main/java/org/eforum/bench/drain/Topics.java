package org.eforum.bench.drain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** End offsets of a topic, summed over its partitions: how many records it has ever received. */
public final class Topics implements AutoCloseable {

    public static final String REGISTRATIONS = "eforum.registrations";

    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    public Topics(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(p);
    }

    public Admin admin() {
        return admin;
    }

    public long endOffsetSum(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition tp : partitionsOf(topic)) {
            latest.put(tp, OffsetSpec.latest());
        }
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .values()) {
            sum += info.offset();
        }
        return sum;
    }

    public Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition tp : partitionsOf(topic)) {
            latest.put(tp, OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private List<TopicPartition> partitionsOf(String topic) throws Exception {
        List<TopicPartition> known = partitions.get(topic);
        if (known == null) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            known = d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            partitions.put(topic, known);
        }
        return known;
    }

    @Override
    public void close() {
        admin.close();
    }
}
