package org.eforum.operations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OperationsConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(OperationsConsoleApplication.class, args);
    }
}
