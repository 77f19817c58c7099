package org.eforum.operations.topic;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a sample to the samples topic, as JSON, with the instance that took it in a header. */
@Component
class SamplePublisher implements DisposableBean {

    /** Header: the console instance that took the sample. */
    static final String SAMPLED_BY = "eforum_sampled-by";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SEND_TIMEOUT_MS = 10_000;

    private final KafkaProducer<byte[], byte[]> producer;

    SamplePublisher(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT_MS);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "operations-console-sampler");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** @throws KafkaUnavailableException when Kafka did not take it in time */
    void publish(TopicSample sample, String sampledBy) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(SamplesTopicConfig.SAMPLES, 0,
                sample.at().toEpochMilli(), null, JSON.writeValueAsBytes(sample));
        record.headers().add(SAMPLED_BY, sampledBy.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new KafkaUnavailableException(e);
        }
    }

    @Override
    public void destroy() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
