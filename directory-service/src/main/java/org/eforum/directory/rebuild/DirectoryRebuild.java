package org.eforum.directory.rebuild;

import java.time.Clock;
import java.time.Duration;
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
import org.eforum.directory.rebuild.RebuildRecord.Phase;
import org.eforum.directory.settings.DirectorySettings;
import org.eforum.platform.lease.Leases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the directory from the log: stops the listener containers of every instance, moves the consumer group
 * back to the beginning of every topic it reads, empties the directory's collections (people, organisations, the
 * organisation listings and their members, conferences) and starts the containers again, which replay everything
 * through the same idempotent, order-safe projection. Public ids are derived from the e-mail with a keyed hash
 * and every display choice is order-independent, so the result is the same directory.
 * <p>
 * The instance that is asked coordinates through a {@link RebuildRecord} in the store, which the others follow
 * ({@link RebuildFollower}): a group's offsets can only be moved while it has no members, so all of them stop
 * first. The group is rewound before anything is emptied, so a group that does not empty in time changes nothing.
 * <p>
 * The erasures collection is kept (and the compacted erasures topic is replayed into it as well): it is the
 * memory of who must not come back, so an erased person does not reappear even while the replay runs.
 * While replaying, the public views are incomplete.
 */
@Service
public class DirectoryRebuild {

    private static final Logger log = LoggerFactory.getLogger(DirectoryRebuild.class);
    static final List<String> TOPICS = List.of(Topics.ERASURES, Topics.CONFERENCES, Topics.REGISTRATIONS);
    private static final Duration RETRY = Duration.ofMillis(250);

    private final KafkaListenerEndpointRegistry containers;
    private final KafkaAdmin kafkaAdmin;
    private final MongoTemplate mongo;
    private final RebuildRecords records;
    private final String group;
    private final String instance;
    private final Duration groupTimeout;
    private final Clock clock;

    DirectoryRebuild(KafkaListenerEndpointRegistry containers, KafkaAdmin kafkaAdmin, MongoTemplate mongo,
            RebuildRecords records, Leases leases, DirectorySettings settings,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        this.containers = containers;
        this.kafkaAdmin = kafkaAdmin;
        this.mongo = mongo;
        this.records = records;
        this.group = group;
        this.instance = leases.owner();
        this.groupTimeout = settings.rebuildGroupTimeout();
        this.clock = Clock.systemUTC();
    }

    /**
     * The operator's action: stop every instance's listeners, rewind, empty, start. Returns once the replay has
     * started; 409 when a rebuild is under way or the group did not empty within the timeout.
     */
    public synchronized RebuildStatus rebuild() {
        RebuildRecord begun = begin();
        log.info("Rebuild {}: stopping the listeners of every instance", begun.generation());
        List<MessageListenerContainer> all = new ArrayList<>(containers.getListenerContainers());
        all.forEach(MessageListenerContainer::stop);
        try {
            rewindAndEmpty(begun);
        } finally {
            all.forEach(MessageListenerContainer::start);
        }
        return status();
    }

    /** For start-up, before this instance's listener containers start ({@link RebuildOnStart}). */
    synchronized void rebuildBeforeListenersStart() {
        rewindAndEmpty(begin());
        log.info("Rebuild on start: the directory is empty and the listeners will replay every topic");
    }

    /** The newest rebuild, as any instance sees it, and how many of its records are still to be replayed. */
    public RebuildStatus status() {
        RebuildRecord record = records.current().orElse(null);
        if (record == null) {
            return RebuildStatus.none();
        }
        RebuildStatus status = RebuildStatus.of(record);
        if (record.phase() != Phase.REPLAYING) {
            return status;
        }
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long remaining = 0;
            for (Map.Entry<String, Long> target : record.target().entrySet()) {
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

    /** This instance, as a rebuild's coordinator is named. */
    String instance() {
        return instance;
    }

    /** How long a coordinator may take before the others give up on it and start their listeners again. */
    Duration staleAfter() {
        return groupTimeout.multipliedBy(2);
    }

    private RebuildRecord begin() {
        Instant now = clock.instant();
        return records.begin(now, now.minus(staleAfter()), instance).orElseThrow(() -> new RebuildRefusedException(
                "A rebuild is under way", "Another rebuild of the directory has not finished yet; follow it with "
                        + "GET /api/directory/rebuild and try again once it replays."));
    }

    private void rewindAndEmpty(RebuildRecord begun) {
        long generation = begun.generation();
        Map<String, Long> target;
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(TOPICS).allTopicNames().get().forEach((topic, description) -> description
                    .partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            Map<TopicPartition, Long> beginning = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> rewind = beginning.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            if (!alterOnceEmpty(admin, rewind)) {
                String reason = "The consumer group " + group + " still had members after "
                        + groupTimeout.toSeconds() + " s: an instance of directory-service did not stop its listeners"
                        + " (or another consumer uses the group). Nothing was changed.";
                records.move(generation, Phase.STOPPING, Phase.FAILED, new Update().set("reason", reason));
                throw new RebuildRefusedException("The consumer group did not empty", reason);
            }
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            target = new LinkedHashMap<>();
            end.forEach((partition, offset) -> target.put(partition.topic() + "-" + partition.partition(), offset));
        } catch (ExecutionException e) {
            fail(generation, Phase.STOPPING, "Kafka did not answer: " + e.getCause());
            throw new IllegalStateException("Could not rewind the consumer group " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(generation, Phase.STOPPING, "interrupted");
            throw new IllegalStateException(e);
        }
        if (!records.move(generation, Phase.STOPPING, Phase.EMPTYING, new Update())) {
            // The others gave up on this instance (it was frozen past staleAfter) and replay already.
            log.warn("Rebuild {} was given up by the other instances; the directory is not emptied", generation);
            return;
        }
        for (String collection : List.of(Person.COLLECTION, Organisation.COLLECTION, OrganisationListings.COLLECTION,
                OrganisationListings.MEMBERS, Conference.COLLECTION)) {
            // remove, not drop: the indexes stay, so uniqueness holds from the first replayed write
            mongo.remove(new Query(), collection);
        }
        records.move(generation, Phase.EMPTYING, Phase.REPLAYING, new Update().set("startedAt", clock.instant())
                .set("target", RebuildRecords.storedTarget(target)));
        log.info("Rebuild {}: replaying {} records into the empty directory", generation,
                target.values().stream().mapToLong(Long::longValue).sum());
    }

    private void fail(long generation, Phase from, String reason) {
        try {
            records.move(generation, from, Phase.FAILED, new Update().set("reason", reason));
        } catch (RuntimeException storeAway) {
            log.warn("Could not mark rebuild {} failed; the others give up on it after {}", generation, staleAfter());
        }
    }

    /** Moving a group's offsets needs the group empty: the others stop their listeners within a poll or two. */
    private boolean alterOnceEmpty(Admin admin, Map<TopicPartition, OffsetAndMetadata> rewind)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + groupTimeout.toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, rewind).all().get();
                return true;
            } catch (ExecutionException notEmptyYet) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                log.debug("Consumer group {} not empty yet: {}", group, notEmptyYet.getCause().toString());
                TimeUnit.MILLISECONDS.sleep(RETRY.toMillis()); // the group's membership has no event to wait on
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
     * A rebuild as the operator follows it: its generation and phase, when it was asked and when the replay
     * started, the end offset of every partition at that moment ({@code topic-partition} → offset: the replay is
     * complete when the group has committed them), how many records are still to go, and why it failed if it did.
     */
    public record RebuildStatus(long generation, @Nullable String phase, @Nullable Instant requestedAt,
            @Nullable Instant startedAt, Map<String, Long> target, @Nullable Long remaining, @Nullable String reason) {

        static RebuildStatus none() {
            return new RebuildStatus(0, null, null, null, Map.of(), null, null);
        }

        static RebuildStatus of(RebuildRecord record) {
            return new RebuildStatus(record.generation(), record.phase().name(), record.requestedAt(),
                    record.startedAt(), record.target(), null, record.reason());
        }

        RebuildStatus withRemaining(long remaining) {
            return new RebuildStatus(generation, phase, requestedAt, startedAt, target, remaining, reason);
        }

        public boolean complete() {
            return remaining != null && remaining == 0;
        }
    }
}
