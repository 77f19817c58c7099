package org.eforum.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * No container engine runs in CI, so the repository's docker-compose.yml is checked here: against the Compose
 * Specification's JSON Schema (committed under src/test/resources/compose-spec), and for the mistakes a schema
 * cannot see.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of(System.getProperty("basedir", "."))
            .resolve("../docker-compose.yml").normalize();

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));

        Set<ValidationMessage> problems = schema.validate(asJson(compose()), InputFormat.JSON);

        assertThat(problems).as(COMPOSE_FILE.toString()).isEmpty();
    }

    @Test
    void theSchemaRejectsAMisspeltServiceKey() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
        String broken = Files.readString(COMPOSE_FILE).replace("    healthcheck:", "    healtcheck:");

        assertThat(schema.validate(asJson(new Yaml().load(broken)), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void kafkaKeepsItsLogOnTheMountedVolume() throws IOException {
        Map<String, Object> kafka = service(compose(), "kafka");
        Object logDirs = ((Map<?, ?>) kafka.get("environment")).get("KAFKA_LOG_DIRS");
        List<String> volumeTargets = ((List<?>) kafka.get("volumes")).stream()
                .map(volume -> volume.toString().split(":")[1])
                .toList();

        // Without KAFKA_LOG_DIRS the apache/kafka image writes to /tmp/kraft-combined-logs, outside the volume.
        assertThat(logDirs).as("kafka's KAFKA_LOG_DIRS").isNotNull();
        assertThat(volumeTargets).contains(logDirs.toString());
    }

    private static Map<String, Object> compose() throws IOException {
        // SnakeYAML resolves the file's anchors and `<<` merge keys, as Compose does, before the schema sees it.
        return new Yaml().load(Files.readString(COMPOSE_FILE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    private static String asJson(Object yaml) {
        return JsonMapper.builder().build().writeValueAsString(yaml);
    }
}
