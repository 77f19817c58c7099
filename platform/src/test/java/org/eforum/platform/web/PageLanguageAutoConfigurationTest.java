package org.eforum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** The apps with pages get the shared page language; the others keep Boot's Accept-Language only. */
class PageLanguageAutoConfigurationTest {

    private final WebApplicationContextRunner app = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(PageLanguageAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class));

    @Test
    void anAppWithPagesResolvesThePageLanguageInsteadOfBootsDefault() {
        app.withPropertyValues("eforum.pages.language-switch=true").run(context -> assertThat(
                context.getBean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME, LocaleResolver.class))
                .isInstanceOf(PageLanguageResolver.class));
    }

    @Test
    void anAppWithoutPagesKeepsBootsLocaleResolver() {
        app.run(context -> assertThat(context.getBean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME,
                LocaleResolver.class)).isNotInstanceOf(PageLanguageResolver.class));
    }
}
