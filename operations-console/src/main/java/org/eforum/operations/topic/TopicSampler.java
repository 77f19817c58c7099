package org.eforum.operations.topic;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code eforum.console.sample-interval} (5 s), in the one console instance that {@link SamplerElection}
 * chose: reads every topic's end offsets and the groups' lag and publishes them as one sample, which every
 * instance's {@link SampleReader} then records.
 */
@Component
class TopicSampler {

    private static final Logger log = LoggerFactory.getLogger(TopicSampler.class);

    private final TopicInspector inspector;
    private final SamplePublisher publisher;
    private final SamplerElection election;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean failing;

    TopicSampler(TopicInspector inspector, SamplePublisher publisher, SamplerElection election) {
        this.inspector = inspector;
        this.publisher = publisher;
        this.election = election;
    }

    @Scheduled(fixedDelayString = "${eforum.console.sample-interval:5s}")
    void sample() {
        if (!election.isSampler()) {
            return;
        }
        try {
            publisher.publish(TopicSample.of(clock.instant(), inspector.topics()), election.instance());
            if (failing) {
                log.info("Kafka answers again; sampling topics");
                failing = false;
            }
        } catch (KafkaUnavailableException e) {
            if (!failing) {
                log.warn("Cannot sample the topics, Kafka does not answer: {}", e.getBody().getDetail());
                failing = true;
            }
        }
    }
}
