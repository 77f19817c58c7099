package org.eforum.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.contracts.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.eforum.contracts.event.EforumEvent;
import org.eforum.contracts.kafka.CloudEventSerializer;
import org.eforum.contracts.kafka.MalformedEventException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What every E-Forum service does the same way with Kafka: it declares the topics (so whichever service starts
 * first creates them with the right partitions and compaction), and a failed record is retried with an
 * exponential backoff and then published to {@code <topic>-dlt} with the reason in its headers, never
 * stopping the consumer. Malformed records skip the retries. A dead letter always fits its topic (see
 * {@link #DEAD_LETTER_MAX_BYTES}): one that could not be published would be retried for ever, wedging its partition.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(EforumKafkaProperties.class)
public class EforumKafkaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EforumKafkaAutoConfiguration.class);

    /** The most a dead letter may weigh: its topic's {@code max.message.bytes} and its producer's request size. */
    static final int DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;

    /** Reason headers are kept short, so that a dead letter always fits: a stack trace is cut after this. */
    static final int MAX_REASON_HEADER_CHARS = 16 * 1024;

    @Bean
    KafkaAdmin.NewTopics eforumTopics(EforumKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(
                // Kept for ever: the directory is rebuilt from it (the broker's default would delete it after 7 days).
                topic(Topics.REGISTRATIONS, properties).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build(),
                topic(Topics.CONFERENCES, properties).config(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                topic(Topics.ERASURES, properties).config(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                personKeys(properties),
                // An invitation's mail is owed for as long as its link works (7 days by default): the broker's default.
                topic(Topics.ACCOUNTS, properties).build(),
                deadLetters(Topics.REGISTRATIONS, properties),
                deadLetters(Topics.ACCOUNTS, properties),
                deadLetters(Topics.ERASURES, properties),
                deadLetters(Topics.CONFERENCES, properties));
    }

    /**
     * A dead letter is its record plus the reason headers, so it is bigger than the biggest record its source topic
     * takes (the broker's default, about 1 MiB): the dead-letter topic takes twice that, or such a record could
     * never be dead-lettered and would stop its partition for good (PoisonRecordsIT's 1 MB value).
     */
    private static NewTopic deadLetters(String source, EforumKafkaProperties properties) {
        return topic(Topics.deadLetterTopicOf(source), properties)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(DEAD_LETTER_MAX_BYTES)).build();
    }

    /**
     * Compacted, and soon: an erased person's key and the tombstone after it must leave the log within minutes, not
     * after the default week-long segment. The active segment is never cleaned, so it rolls every
     * {@code segment.ms}; any dirty share is worth a cleaning; a tombstone is kept {@code delete.retention.ms}
     * (consumers that are running see it; one that starts later finds no key, which means the same).
     */
    private static NewTopic personKeys(EforumKafkaProperties properties) {
        EforumKafkaProperties.PersonKeys keys = properties.personKeys();
        return topic(Topics.PERSON_KEYS, properties)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .config(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(keys.segment().toMillis()))
                .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01")
                .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(keys.deleteRetention().toMillis()))
                .config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(keys.segment().toMillis()))
                .build();
    }

    /** Topics created before a setting was declared (or by a producer) get it too, not only new ones. */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor eforumTopicConfigsKeptUpToDate() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setModifyTopicConfigs(true);
                }
                return bean;
            }
        };
    }

    private static TopicBuilder topic(String name, EforumKafkaProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler eforumErrorHandler(KafkaProperties kafkaProperties, EforumKafkaProperties properties,
            @Value("${spring.application.name:eforum}") String applicationName) {
        DeadLetterPublishingRecoverer recoverer = new BoundedDeadLetterPublishingRecoverer(
                deadLetterTemplate(kafkaProperties, applicationName));
        recoverer.addHeadersFunction((record, exception) -> new RecordHeaders().add(Topics.DEAD_LETTER_REASON_HEADER,
                truncate(causes(exception), 2048).getBytes(StandardCharsets.UTF_8)));
        EforumKafkaProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            // The recoverer itself is silent; an operator needs to see every dead letter in the log.
            log.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                    record.key(), rootMessage(exception));
            recoverer.accept(record, exception);
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, DeserializationException.class,
                ConversionException.class, IllegalArgumentException.class);
        return handler;
    }

    /** Each exception of the chain, outermost first: the root alone (a parser's) would not say what was expected. */
    static String causes(Throwable exception) {
        StringBuilder chain = new StringBuilder();
        for (Throwable e = exception; e != null; e = e.getCause() == e ? null : e.getCause()) {
            chain.append(chain.isEmpty() ? "" : "; caused by ").append(e.getClass().getSimpleName()).append(": ")
                    .append(e.getMessage());
        }
        return chain.toString();
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static String truncate(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "\n… (cut at " + maxChars + " characters)";
    }

    /**
     * Cuts the stack-trace headers: a deep stack (listener, retries, causes) could otherwise push a record near the
     * size limit over its dead-letter topic's, and a dead letter that cannot be published stops the partition.
     */
    private static final class BoundedDeadLetterPublishingRecoverer extends DeadLetterPublishingRecoverer {

        BoundedDeadLetterPublishingRecoverer(KafkaTemplate<Object, Object> template) {
            super(template);
        }

        @Override
        protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                TopicPartition topicPartition, Headers headers, byte @Nullable [] key, byte @Nullable [] value) {
            for (String name : List.of(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE)) {
                Header trace = headers.lastHeader(name);
                if (trace != null && trace.value() != null && trace.value().length > MAX_REASON_HEADER_CHARS) {
                    String cut = truncate(new String(trace.value(), StandardCharsets.UTF_8), MAX_REASON_HEADER_CHARS);
                    headers.remove(name);
                    headers.add(name, cut.getBytes(StandardCharsets.UTF_8));
                }
            }
            return super.createProducerRecord(record, topicPartition, headers, key, value);
        }
    }

    /**
     * Not a bean: a KafkaTemplate bean would make Spring Boot back off from the application's own template.
     * A dead letter is either the raw bytes of a record that could not be read, or an event that failed later.
     */
    private static KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafkaProperties, String applicationName) {
        Map<String, Object> config = new LinkedHashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-dead-letters");
        // The default (1 MiB) is less than the biggest record a topic takes, plus its reason headers.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEAD_LETTER_MAX_BYTES);
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(String.class, new StringSerializer());
        byType.put(EforumEvent.class, new CloudEventSerializer("/eforum/" + applicationName));
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
                new DelegatingByTypeSerializer(Map.of(String.class, new StringSerializer(), byte[].class,
                        new ByteArraySerializer()), true),
                new DelegatingByTypeSerializer(byType, true));
        return new KafkaTemplate<>(factory);
    }
}
