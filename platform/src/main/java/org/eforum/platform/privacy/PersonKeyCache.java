package org.eforum.platform.privacy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eforum.contracts.Topics;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.event.PersonKeyIssued;
import org.eforum.contracts.kafka.CloudEventDeserializer;
import org.eforum.contracts.privacy.PersonKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every person's key, in memory, read from the compacted person-keys topic from its beginning at every start by a
 * consumer of its own (no group, no committed offsets, no dead letters: a key must never be copied to another
 * topic). A tombstone forgets the key. {@link #await} waits for a key still on its way, and tells a key that is
 * not coming by reading everything on the topic at the time of the call.
 */
public final class PersonKeyCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PersonKeyCache.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final Map<String, PersonKey> keys = new ConcurrentHashMap<>();
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();
    private final AtomicLong requested = new AtomicLong();
    private final Object progress = new Object();
    private long readUpTo;
    private volatile @Nullable Thread loader;
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;

    PersonKeyCache(Map<String, Object> kafkaConsumerConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConsumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "person-keys-" + java.util.UUID.randomUUID());
        this.consumerConfig = config;
    }

    /** The person's current key, as far as the topic has been read. */
    public Optional<PersonKey> find(String personId) {
        return Optional.ofNullable(keys.get(personId));
    }

    /**
     * The person's key of that id, waiting for it while it may be on its way: until it has been read, or until
     * everything on the topic when this was called has been read (then it is not coming: the person was erased).
     * The usual case, a key published just before the event that needs it, returns as soon as the key is read,
     * without asking the brokers for end offsets.
     *
     * @throws KeysNotReadException when neither happens within {@code timeout}
     */
    public Optional<PersonKey> await(String personId, String keyId, Duration timeout) {
        long ticket = requested.incrementAndGet();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (true) {
                PersonKey key = keys.get(personId);
                if (key != null && key.keyId().equals(keyId)) {
                    return Optional.of(key);
                }
                if (readUpTo >= ticket) {
                    return Optional.empty();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new KeysNotReadException("the person keys were not read to their end within " + timeout);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KeysNotReadException("interrupted while reading the person keys");
                }
            }
        }
    }

    private void load() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                partitions = kafka.partitionsFor(Topics.PERSON_KEYS, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            // The end offsets asked for after the requests up to targetTicket were made: reaching them answers
            // those requests. A fixed target, not the moving end of a topic that keys keep arriving on.
            Map<TopicPartition, Long> target = null;
            long targetTicket = 0;
            while (running) {
                var records = kafka.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(record);
                }
                if (!records.isEmpty()) {
                    synchronized (progress) {
                        progress.notifyAll(); // a waiting event's key may be among them
                    }
                }
                if (target == null) {
                    long wanted = requested.get();
                    if (wanted > readUpTo) {
                        target = kafka.endOffsets(partitions);
                        targetTicket = wanted;
                    }
                }
                if (target != null) {
                    Map<TopicPartition, Long> end = target;
                    if (partitions.stream().allMatch(p -> kafka.position(p) >= end.get(p))) {
                        synchronized (progress) {
                            readUpTo = Math.max(readUpTo, targetTicket);
                            progress.notifyAll();
                        }
                        target = null;
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            if (running) {
                log.error("Reading the person keys stopped; sealed events will be retried", e);
            }
        } finally {
            consumer = null;
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            keys.remove(record.key()); // the person was erased
            return;
        }
        try {
            EforumEvent event = deserializer.deserialize(record.topic(), record.headers(), record.value());
            if (event instanceof PersonKeyIssued issued && issued.personId().equals(record.key())) {
                keys.put(issued.personId(), PersonKey.of(issued));
            } else {
                log.warn("Ignoring a record of {} at {}-{}: not a person key of its key", record.topic(),
                        record.partition(), record.offset());
            }
        } catch (RuntimeException e) {
            // never the value: it would be a key in the log
            log.warn("Ignoring a malformed record of {} at {}-{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::load, "person-keys");
        thread.setDaemon(true);
        loader = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = loader;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers, so that the keys are being read when the first event arrives. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** The keys could not be read to the end in time: the event is retried (not a dead letter). */
    public static final class KeysNotReadException extends IllegalStateException {

        public KeysNotReadException(String message) {
            super(message);
        }
    }
}
