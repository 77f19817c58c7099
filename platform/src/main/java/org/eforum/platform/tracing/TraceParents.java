package org.eforum.platform.tracing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The W3C {@code traceparent} of the current span, and a span that continues a stored one. An event written
 * to an outbox during an HTTP request is published later, by a scheduler, outside that request: storing the
 * traceparent with the event and continuing it when publishing keeps one trace id from the request through
 * Kafka to the consumers' work (and their log lines).
 */
public class TraceParents {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private final Tracer tracer;

    public TraceParents(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current trace as a {@code traceparent} value, if a span is in scope. */
    public Optional<String> current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        TraceContext context = span.context();
        return Optional.of("00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00"));
    }

    /**
     * Starts a span that continues the given traceparent (or a new trace when it is absent or malformed); the
     * caller puts it in scope with {@link Tracer#withSpan} and ends it.
     */
    public Span continueTrace(String traceparent, String name) {
        Matcher matcher = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
        if (matcher == null || !matcher.matches()) {
            return tracer.nextSpan().name(name).start();
        }
        TraceContext parent = tracer.traceContextBuilder().traceId(matcher.group(1)).spanId(matcher.group(2))
                .sampled("01".equals(matcher.group(3))).build();
        return tracer.spanBuilder().setParent(parent).name(name).start();
    }

    public Tracer tracer() {
        return tracer;
    }
}
