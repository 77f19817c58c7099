package org.eforum.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page language of the apps with public pages ({@code eforum.pages.language-switch=true}): the
 * {@link PageLanguageResolver} and {@code ?lang=bg|en} on every page. Before Boot's MVC configuration, whose own
 * {@code localeResolver} backs off when one exists.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "eforum.pages", name = "language-switch", havingValue = "true")
public class PageLanguageAutoConfiguration {

    /** The bean name is the one DispatcherServlet looks up. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new PageLanguageResolver();
    }

    @Bean
    WebMvcConfigurer pageLanguageSwitch() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
                lang.setParamName("lang");
                lang.setIgnoreInvalidLocale(true);
                // The API speaks through Accept-Language only: a ?lang there must not set a cookie.
                registry.addInterceptor(lang).excludePathPatterns("/api/**", "/actuator/**");
            }
        };
    }
}
