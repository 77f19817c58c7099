package org.eforum.directory.page;

import org.eforum.platform.web.PageLanguageResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class PageConfig implements WebMvcConfigurer {

    /** The bean name is the one DispatcherServlet looks up. */
    @Bean
    LocaleResolver localeResolver() {
        return new PageLanguageResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        // Only the pages: a ?lang on the API must not set a cookie.
        registry.addInterceptor(lang).addPathPatterns("/directory", "/directory/**");
    }
}
