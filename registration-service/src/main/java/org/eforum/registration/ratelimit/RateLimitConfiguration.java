package org.eforum.registration.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link PublicWriteRateLimit} in front of every handler; it picks the public writes itself. */
@Configuration
class RateLimitConfiguration implements WebMvcConfigurer {

    private final PublicWriteRateLimit rateLimit;

    RateLimitConfiguration(PublicWriteRateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit);
    }
}
