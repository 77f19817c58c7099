package org.eforum.platform.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a {@link RefusedSetting} as "APPLICATION FAILED TO START" with the property and what to set. It runs
 * before Boot's own analyzers: a refusal inside a {@code @ConfigurationProperties} constructor would otherwise be
 * reported as a generic binding failure of the whole settings class.
 */
public class RefusedSettingFailureAnalyzer extends AbstractFailureAnalyzer<RefusedSetting> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RefusedSetting cause) {
        return new FailureAnalysis("E-Forum refuses to start: " + cause.problem(), cause.action(), cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
