package org.eforum.notification.digest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Looks for closed digest windows every {@link DigestSettings#checkEvery()}, on one thread of its own. */
@Component
class DigestScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final Digests digests;
    private final DigestSettings settings;
    private ScheduledExecutorService executor;

    DigestScheduler(Digests digests, DigestSettings settings) {
        this.digests = digests;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "digests");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.checkEvery().toMillis();
        executor.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
        log.info("Organiser digests every {}, checked every {}", settings.digestInterval(), settings.checkEvery());
    }

    private void check() {
        try {
            digests.sendDue();
        } catch (RuntimeException e) {
            // MongoDB away, for instance: the next check tries again; the executor must not die.
            log.warn("Digest check failed, trying again in {}: {}", settings.checkEvery(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
