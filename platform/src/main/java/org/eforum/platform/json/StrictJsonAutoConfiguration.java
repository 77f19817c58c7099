package org.eforum.platform.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * Jackson's own settings for what the contract calls strict types, shared by every app: an enum is given by its
 * name, never by its index ({@code 1} or {@code "1"} is not {@code DIGEST}). The bodies' bytes must be UTF-8.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StrictJsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer enumsByNameOnly() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    @Bean
    StrictUtf8Bodies strictUtf8Bodies() {
        return new StrictUtf8Bodies();
    }
}
