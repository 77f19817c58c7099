package org.eforum.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The end-to-end story on the Docker-less stack of ./run-local: a real Kafka broker from Apache Kafka's jars in
 * its own JVM, the MongoDB-wire server, GreenMail, and the apps from their runnable jars (on free ports, so a
 * running ./run-local does not disturb it).
 */
class LocalStackEndToEndIT extends EndToEndTests {

    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("eforum.root", "..")).toAbsolutePath().normalize();
        String kafkaClasspath = Files.readString(Path.of(System.getProperty("eforum.runtime-classpath",
                root.resolve("local-stack/target/runtime.classpath").toString()))).trim();
        stack = Stack.start(new Stack.Options(root, Ports.free(), root.resolve("local-stack/target/e2e-local"),
                JavaRuntime.newest(), kafkaClasspath, null, null,
                EnumSet.of(App.REGISTRATION, App.DIRECTORY, App.NOTIFICATION), true));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    protected Stack stack() {
        return stack;
    }
}
