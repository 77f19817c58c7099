package org.eforum.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts a real MongoDB-wire server (mongo-java-server, in memory) for one Spring test context on a free port
 * and points {@code spring.mongodb.uri} at it. Use with
 * {@code @ContextConfiguration(initializers = MongoWireServerInitializer.class)}.
 * It has no transactions and no change streams, like the code it tests expects.
 */
public class MongoWireServerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "spring.mongodb.uri=" + uri);
        // Registered before any other bean, so it is destroyed after all of them: the MongoDB client closes first.
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
            beans.registerDisposableBean("mongoWireServer", server::shutdownNow);
        } else {
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    server.shutdownNow();
                }
            });
        }
    }
}
