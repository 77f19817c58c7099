package org.eforum.directory.rebuild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eforum.contracts.Topics;
import org.eforum.directory.conference.Conference;
import org.eforum.directory.organisation.Organisation;
import org.eforum.directory.person.OrganisationListings;
import org.eforum.directory.person.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the directory from the log: stops this service's listener containers, empties the directory's
 * collections (people, organisations, the organisation listings and their members, conferences), moves the consumer group back to the beginning of every topic
 * it reads and starts the containers again, which replay everything through the same idempotent, order-safe
 * projection. Public ids are derived from the e-mail with a keyed hash and every display choice is
 * order-independent, so the result is the same directory.
 * <p>
 * The erasures collection is kept (and the compacted erasures topic is replayed into it as well): it is the
 * memory of who must not come back, so an erased person does not reappear even while the replay runs.
 * While replaying, the public views are incomplete. With several instances in one consumer group, stop the
 * others first: the group's offsets can only be moved while it has no members.
 */
@Service
public class DirectoryRebuild {

    private static final Logger log = LoggerFactory.getLogger(DirectoryRebuild.class);
    static final List<String> TOPICS = List.of(Topics.ERASURES, Topics.CONFERENCES, Topics.REGISTRATIONS);
    private static final int RESET_ATTEMPTS = 20;

    private final KafkaListenerEndpointRegistry containers;
    private final KafkaAdmin kafkaAdmin;
    private final MongoTemplate mongo;
    private final String group;
    private volatile RebuildStatus last = RebuildStatus.none();

    DirectoryRebuild(KafkaListenerEndpointRegistry containers, KafkaAdmin kafkaAdmin, MongoTemplate mongo,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        this.containers = containers;
        this.kafkaAdmin = kafkaAdmin;
        this.mongo = mongo;
        this.group = group;
    }

    /** The operator's action: stop, empty, rewind, start. Returns once the replay has started. */
    public synchronized RebuildStatus rebuild() {
        log.info("Rebuilding the directory from the log: stopping the listeners");
        List<MessageListenerContainer> running = new ArrayList<>(containers.getListenerContainers());
        running.forEach(MessageListenerContainer::stop);
        try {
            last = emptyAndRewind();
        } finally {
            running.forEach(MessageListenerContainer::start);
        }
        log.info("Replaying {} records into the empty directory", last.target().values().stream()
                .mapToLong(Long::longValue).sum());
        return status();
    }

    /** For start-up, before the listener containers start ({@link RebuildOnStart}). */
    synchronized void rebuildBeforeListenersStart() {
        last = emptyAndRewind();
        log.info("Rebuild on start: the directory is empty and the listeners will replay every topic");
    }

    /** The newest rebuild and how many of its records are still to be replayed. */
    public RebuildStatus status() {
        RebuildStatus status = last;
        if (status.target().isEmpty()) {
            return status;
        }
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long remaining = 0;
            for (Map.Entry<String, Long> target : status.target().entrySet()) {
                OffsetAndMetadata done = committed.get(partition(target.getKey()));
                remaining += Math.max(0, target.getValue() - (done == null ? 0 : done.offset()));
            }
            return status.withRemaining(remaining);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the consumer group's offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RebuildStatus emptyAndRewind() {
        Instant startedAt = Instant.now();
        for (String collection : List.of(Person.COLLECTION, Organisation.COLLECTION, OrganisationListings.COLLECTION,
                OrganisationListings.MEMBERS, Conference.COLLECTION)) {
            // remove, not drop: the indexes stay, so uniqueness holds from the first replayed write
            mongo.remove(new Query(), collection);
        }
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(TOPICS).allTopicNames().get().forEach((topic, description) -> description
                    .partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            Map<TopicPartition, Long> beginning = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> rewind = beginning.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            alter(admin, rewind);
            Map<String, Long> target = new LinkedHashMap<>();
            end.forEach((partition, offset) -> target.put(partition.topic() + "-" + partition.partition(), offset));
            return new RebuildStatus(startedAt, target, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not rewind the consumer group " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Moving a group's offsets needs the group empty; the stopped consumers' leave may take a moment to land. */
    private void alter(Admin admin, Map<TopicPartition, OffsetAndMetadata> rewind)
            throws ExecutionException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                admin.alterConsumerGroupOffsets(group, rewind).all().get();
                return;
            } catch (ExecutionException notEmptyYet) {
                if (attempt == RESET_ATTEMPTS) {
                    throw notEmptyYet;
                }
                log.debug("Consumer group {} not empty yet: {}", group, notEmptyYet.getCause().toString());
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static TopicPartition partition(String name) {
        int dash = name.lastIndexOf('-');
        return new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
    }

    private Admin admin() {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /**
     * A rebuild: when it started, the end offset of every partition at that moment ({@code topic-partition} →
     * offset: the replay is complete when the group has committed them), and how many records are still to go.
     */
    public record RebuildStatus(Instant startedAt, Map<String, Long> target, Long remaining) {

        static RebuildStatus none() {
            return new RebuildStatus(null, Map.of(), null);
        }

        RebuildStatus withRemaining(long remaining) {
            return new RebuildStatus(startedAt, target, remaining);
        }

        public boolean complete() {
            return remaining != null && remaining == 0;
        }
    }
}
