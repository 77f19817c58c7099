package org.eforum.operations.topic;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * A Kafka consumer in a thread of its own, for the console's own readers of the samples topic: made again
 * {@link #RETRY} after it fails (Kafka away, the topic not there yet), woken and joined on stop, which also ends a
 * wait for the next try at once.
 */
abstract class ConsumerThread implements SmartLifecycle {

    static final Duration RETRY = Duration.ofSeconds(5);

    private final String name;
    private final Map<String, Object> consumerConfig;
    private final Duration stopWithin;
    private final Object nextTry = new Object();
    private volatile boolean running;
    private volatile @Nullable KafkaConsumer<byte[], byte[]> consumer;
    private volatile @Nullable Thread thread;

    ConsumerThread(String name, Map<String, Object> consumerConfig, Duration stopWithin) {
        this.name = name;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.stopWithin = stopWithin;
    }

    /** Uses the consumer while {@link #isRunning()}; a failure closes it, and a new one comes after {@link #RETRY}. */
    abstract void consume(KafkaConsumer<byte[], byte[]> kafka);

    /** The consumer failed while running (it is closed next, then made again). */
    abstract void failed(RuntimeException e);

    /** After the consumer is closed, however it ended. */
    void closed() {
    }

    /** Waits {@link #RETRY}, or until {@link #stop()}. */
    void pause() {
        synchronized (nextTry) {
            if (!running) {
                return;
            }
            try {
                nextTry.wait(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = kafka;
                consume(kafka);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    failed(e);
                    pause();
                }
            } finally {
                consumer = null;
                closed();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread consuming = new Thread(this::run, name);
        consuming.setDaemon(true);
        thread = consuming;
        consuming.start();
    }

    @Override
    public void stop() {
        running = false;
        synchronized (nextTry) {
            nextTry.notifyAll();
        }
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread consuming = thread;
        if (consuming != null) {
            try {
                consuming.join(stopWithin.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
