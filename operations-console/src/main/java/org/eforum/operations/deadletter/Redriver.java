package org.eforum.operations.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eforum.operations.topic.KafkaUnavailableException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Sends a dead letter back to its original topic, byte for byte with its key and its original headers (so the
 * CloudEvent id is the same and the idempotent consumers de-duplicate), without the {@code kafka_dlt-*} headers.
 * Then it records the re-drive in a compacted topic, so the console does not offer it again. A crash between the
 * two would offer it once more; re-driving twice is harmless for the same reason.
 */
@Component
public class Redriver implements DisposableBean {

    private final DeadLetterTopics deadLetters;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Clock clock = Clock.systemUTC();

    public Redriver(DeadLetterTopics deadLetters, KafkaAdmin kafkaAdmin) {
        this.deadLetters = deadLetters;
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "operations-console-redriver");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public DeadLetter redrive(String id, String operator) {
        ConsumerRecord<byte[], byte[]> record = deadLetters.find(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
        DeadLetter.Redrive already = deadLetters.redrives().get(id);
        if (already != null) {
            throw alreadyRedriven(id, already);
        }
        return redrive(record, operator);
    }

    /** Re-drives every dead letter not re-driven yet, oldest first. */
    public List<DeadLetter> redriveAll(String operator) {
        List<DeadLetter> pending = deadLetters.all().stream().filter(letter -> letter.redriven() == null)
                .sorted(java.util.Comparator.comparing(DeadLetter::deadLetteredAt)).toList();
        return pending.stream().map(letter -> redrive(deadLetters.find(letter.id())
                .orElseThrow(() -> new DeadLetterNotFoundException(letter.id())), operator)).toList();
    }

    private DeadLetter redrive(ConsumerRecord<byte[], byte[]> record, String operator) {
        String originalTopic = DeadLetterTopics.text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "The dead letter has no " + KafkaHeaders.DLT_ORIGINAL_TOPIC + " header; it cannot be sent back.");
            problem.setTitle("Original topic unknown");
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        String id = DeadLetter.idOf(record.topic(), record.partition(), record.offset());
        Instant now = clock.instant();
        try {
            producer.send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers))
                    .get(15, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(DeadLetterTopics.REDRIVES, id.getBytes(StandardCharsets.UTF_8),
                    (now + " " + operator).getBytes(StandardCharsets.UTF_8))).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        } catch (Exception e) {
            throw new KafkaUnavailableException(e);
        }
        return DeadLetterTopics.view(record, new DeadLetter.Redrive(now, operator));
    }

    private static ErrorResponseException alreadyRedriven(String id, DeadLetter.Redrive redrive) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Dead letter " + id + " was re-driven at " + redrive.at() + " by " + redrive.by() + ".");
        problem.setTitle("Already re-driven");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    @Override
    public void destroy() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
