package org.eforum.platform.lease;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** {@link Leases} for every app with a MongoDB database (Spring Data's factory names the database). */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoDatabaseFactory.class)
@ConditionalOnBean(MongoDatabaseFactory.class)
public class LeaseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Leases eforumLeases(MongoDatabaseFactory mongo, ObjectProvider<Clock> clock) {
        return new Leases(mongo.getMongoDatabase(), clock.getIfAvailable(Clock::systemUTC));
    }
}
