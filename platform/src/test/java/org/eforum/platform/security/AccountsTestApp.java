package org.eforum.platform.security;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A web app with the platform's accounts and one endpoint behind stateless HTTP Basic, as the services' APIs are. */
@SpringBootConfiguration
@EnableAutoConfiguration
class AccountsTestApp {

    static SpringApplicationBuilder builder(String... properties) {
        return new SpringApplicationBuilder(AccountsTestApp.class, Greeting.class)
                .properties("server.port=0", "spring.main.banner-mode=off",
                        // No broker and no database here: nothing may try to reach them while the app starts.
                        "spring.kafka.admin.auto-create=false",
                        "spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
                .properties(properties);
    }

    @Bean
    SecurityFilterChain everythingBehindBasicAuth(HttpSecurity http) {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @RestController
    static class Greeting {

        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }
}
