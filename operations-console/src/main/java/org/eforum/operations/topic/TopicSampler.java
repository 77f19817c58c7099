package org.eforum.operations.topic;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reads every topic's end offsets and the groups' lag every {@code eforum.console.sample-interval} (5 s). */
@Component
class TopicSampler {

    private static final Logger log = LoggerFactory.getLogger(TopicSampler.class);

    private final TopicInspector inspector;
    private final TopicHistory history;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean failing;

    TopicSampler(TopicInspector inspector, TopicHistory history) {
        this.inspector = inspector;
        this.history = history;
    }

    @Scheduled(fixedDelayString = "${eforum.console.sample-interval:5s}")
    void sample() {
        try {
            history.record(clock.instant(), inspector.topics());
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
