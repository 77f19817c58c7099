package org.eforum.directory.rebuild;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The {@link RebuildFollower}'s poll. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RebuildScheduling {
}
