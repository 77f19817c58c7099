package org.eforum.directory.rebuild;

import org.eforum.directory.settings.DirectorySettings;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * {@code eforum.directory.rebuild-on-start=true}: empties the directory and rewinds the consumer group in the
 * lifecycle phase just before the listener containers start, so they begin with the first record of every topic.
 */
@Component
class RebuildOnStart implements SmartLifecycle {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RebuildOnStart.class);

    private final DirectorySettings settings;
    private final DirectoryRebuild rebuild;
    private volatile boolean running;

    RebuildOnStart(DirectorySettings settings, DirectoryRebuild rebuild) {
        this.settings = settings;
        this.rebuild = rebuild;
    }

    @Override
    public void start() {
        if (settings.rebuildOnStart()) {
            try {
                rebuild.rebuildBeforeListenersStart();
            } catch (RebuildRefusedException underWay) {
                // Another instance rebuilds (all started with the option at once): one rebuild is enough.
                log.warn("Rebuild on start skipped: {}", underWay.getBody().getDetail());
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
    }
}
