package org.eforum.registration.outbox;

import org.eforum.contracts.event.EforumEvent;
import org.eforum.platform.tracing.TraceParents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Makes outbox entries that remember the trace of the request they were written in. */
@Component
public class OutboxEntryFactory {

    private final ObjectProvider<TraceParents> traceParents;

    public OutboxEntryFactory(ObjectProvider<TraceParents> traceParents) {
        this.traceParents = traceParents;
    }

    public OutboxEntry of(EforumEvent event) {
        TraceParents traces = traceParents.getIfAvailable();
        return OutboxEntry.of(event, traces == null ? null : traces.current().orElse(null));
    }
}
