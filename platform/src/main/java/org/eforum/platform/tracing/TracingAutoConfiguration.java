package org.eforum.platform.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(afterName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@ConditionalOnBean(Tracer.class)
public class TracingAutoConfiguration {

    @Bean
    TraceParents traceParents(Tracer tracer) {
        return new TraceParents(tracer);
    }
}
