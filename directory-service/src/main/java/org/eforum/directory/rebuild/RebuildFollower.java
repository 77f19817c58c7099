package org.eforum.directory.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.eforum.directory.rebuild.RebuildRecord.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance reads the {@link RebuildRecord} every {@code eforum.directory.rebuild-poll} (1 s): while another
 * instance coordinates a rebuild it keeps its listeners stopped, so the consumer group can empty and be rewound,
 * and starts them again once the replay has begun or the rebuild failed. A coordinator that never finishes (it
 * died) is given up on after {@link DirectoryRebuild#staleAfter()}, and the listeners start again.
 */
@Component
class RebuildFollower {

    private static final Logger log = LoggerFactory.getLogger(RebuildFollower.class);

    private final RebuildRecords records;
    private final DirectoryRebuild rebuild;
    private final KafkaListenerEndpointRegistry containers;
    private final Clock clock = Clock.systemUTC();
    private long stoppedFor;
    private List<MessageListenerContainer> stopped = List.of();

    RebuildFollower(RebuildRecords records, DirectoryRebuild rebuild, KafkaListenerEndpointRegistry containers) {
        this.records = records;
        this.rebuild = rebuild;
        this.containers = containers;
    }

    @Scheduled(fixedDelayString = "${eforum.directory.rebuild-poll:1s}")
    synchronized void follow() {
        RebuildRecord record;
        try {
            record = records.current().orElse(null);
        } catch (RuntimeException storeAway) {
            return; // the listeners' own errors say so; the next poll reads again
        }
        if (record == null || record.coordinator().equals(rebuild.instance())) {
            return;
        }
        if (record.phase().holdsListeners()) {
            if (record.requestedAt().plus(rebuild.staleAfter()).isBefore(clock.instant())) {
                giveUp(record);
            } else if (stoppedFor != record.generation()) {
                stop(record);
            }
        } else if (stoppedFor == record.generation()) {
            start(record);
        }
    }

    private void stop(RebuildRecord record) {
        log.info("Rebuild {} coordinated by {}: stopping this instance's listeners", record.generation(),
                record.coordinator());
        stopped = new ArrayList<>(containers.getListenerContainers().stream()
                .filter(MessageListenerContainer::isRunning).toList());
        stopped.forEach(MessageListenerContainer::stop);
        stoppedFor = record.generation();
    }

    private void start(RebuildRecord record) {
        log.info("Rebuild {} is {}: starting this instance's listeners again", record.generation(), record.phase());
        stopped.forEach(MessageListenerContainer::start);
        stopped = List.of();
        stoppedFor = 0;
    }

    private void giveUp(RebuildRecord record) {
        String reason = "The coordinating instance " + record.coordinator() + " did not finish within "
                + rebuild.staleAfter().toSeconds() + " s; the other instances went on. Start the rebuild again.";
        if (records.move(record.generation(), record.phase(), Phase.FAILED, new Update().set("reason", reason))) {
            log.warn("Rebuild {}: {}", record.generation(), reason);
        }
        if (stoppedFor == record.generation()) {
            start(record);
        }
    }
}
