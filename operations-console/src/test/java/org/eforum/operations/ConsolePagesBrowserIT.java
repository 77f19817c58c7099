package org.eforum.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eforum.testsupport.browser.Axe;
import org.eforum.testsupport.browser.ChromiumPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The console's pages in a real headless Chromium: the operator signs in with the form, sees the services, the
 * topics with their lag, the charts and the outbox refreshed by the page's script, then finds a dead letter and
 * re-drives it from the page, which marks it re-driven. axe-core finds no serious or critical WCAG 2.2 AA
 * violation on any of these pages. Skipped where Chromium is not installed.
 */
@EnabledIf("org.eforum.testsupport.browser.HeadlessChromium#isInstalled")
class ConsolePagesBrowserIT extends ConsoleIntegrationSupport {

    private static final String TOPIC = "page-test";
    private static final String DEAD_LETTERS = "page-test-dlt";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @Autowired
    Admin admin;

    @Test
    void theOperatorSignsInWatchesTheTopicsAndRedrivesADeadLetterFromThePage() throws Exception {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(DEAD_LETTERS, 1, (short) 1)))
                .all().get();
        // Sampled once empty, so the dead letter that follows shows as a rate in the chart.
        await().atMost(Duration.ofSeconds(20)).until(() -> getJson("/api/topics/history?topic=" + DEAD_LETTERS)
                .get("topics").size() == 1);
        String key = "page-key-" + UUID.randomUUID();
        deadLetter(key, "Mail server down <b>not bold</b>");

        WebDriver driver = chromium.driver();
        chromium.newVisit();
        driver.get(base() + "/");
        chromium.waiting().until(ExpectedConditions.urlContains("/login"));
        Axe.assertNoSeriousViolations(driver, "sign-in page");

        signIn(driver, "operator", "wrong");
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(driver.findElement(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
        Axe.assertNoSeriousViolations(driver, "sign-in page with an error");

        signIn(driver, "operator", "operator-pw");
        chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
        // The server-rendered page, then the script's refreshes from the JSON API.
        assertThat(driver.findElement(By.cssSelector("#topics tr[data-topic='" + DEAD_LETTERS + "']")).getText())
                .contains(DEAD_LETTERS);
        chromium.waiting().until(d -> refreshes(d) >= 1);
        assertThat(driver.findElement(By.cssSelector("#services tr[data-service='itself']")).getText()).contains("UP");
        assertThat(driver.findElement(By.cssSelector("#services tr[data-service='nowhere']")).getText())
                .contains("UNREACHABLE");
        WebElement registrations = driver.findElement(By.cssSelector("#outbox-table tr[data-collection='registrations']"));
        assertThat(registrations.getText()).contains("registration-service", "2", "2027-01-01T09:58:30Z", "90");
        chromium.waiting().until(d -> d.findElement(By.id("rate-legend")).getText().contains(DEAD_LETTERS));
        assertThat(driver.findElements(By.cssSelector("#rate-chart polyline.series"))).isNotEmpty();
        WebElement row = driver.findElement(By.cssSelector("#topics tr[data-topic='" + DEAD_LETTERS + "']"));
        assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo("1"); // messages
        Axe.assertNoSeriousViolations(driver, "dashboard");

        chromium.nextPageAfter(() -> driver.findElement(By.linkText("Dead letters")).sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dead letters");
        String id = DEAD_LETTERS + ":0:0";
        WebElement letter = letterRow(driver, id);
        assertThat(letter.getText()).contains(TOPIC, "partition 2, offset 41", "group page-test-group",
                "java.lang.IllegalStateException", "Mail server down <b>not bold</b>", key,
                "org.eforum.registration.confirmed.v1");
        assertThat(letter.findElements(By.tagName("b"))).as("the message is text, never markup").isEmpty();
        letter.findElement(By.tagName("summary")).click();
        assertThat(letter.findElement(By.cssSelector("pre.payload")).getText()).contains("\"registrationId\"");
        Axe.assertNoSeriousViolations(driver, "dead letters");

        WebElement redrive = letter.findElement(By.cssSelector("form button[type='submit']"));
        assertThat(redrive.getAttribute("aria-label")).isEqualTo("Re-drive " + id);
        chromium.nextPageAfter(() -> redrive.sendKeys(Keys.ENTER));

        assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("Re-driven " + id + " to " + TOPIC + ".");
        WebElement redriven = letterRow(driver, id);
        assertThat(redriven.getAttribute("class")).contains("redriven");
        assertThat(redriven.findElement(By.cssSelector(".redriven-mark")).getText()).startsWith("Re-driven")
                .endsWith("by operator");
        assertThat(redriven.findElements(By.cssSelector("form button"))).as("not offered twice").isEmpty();
        Axe.assertNoSeriousViolations(driver, "dead letters after a re-drive");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(messagesIn(TOPIC)).isEqualTo(1));

        // Another one, re-driven with "re-drive all".
        deadLetter(key + "-2", "Still down");
        driver.navigate().refresh();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-letter-id='" + DEAD_LETTERS + ":0:1'] form")));
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("form.redrive-all button")).sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.id("notice")).getText()).startsWith("Re-driven ").endsWith("dead letter.");
        assertThat(letterRow(driver, DEAD_LETTERS + ":0:1").getAttribute("class")).contains("redriven");
        assertThat(driver.findElements(By.cssSelector("form.redrive-all"))).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(messagesIn(TOPIC)).isEqualTo(2));
    }

    private void signIn(WebDriver driver, String user, String password) {
        WebElement username = driver.findElement(By.id("username"));
        username.clear();
        username.sendKeys(user);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        chromium.nextPageAfter(() -> secret.sendKeys(Keys.ENTER));
    }

    private static long refreshes(WebDriver driver) {
        String value = driver.findElement(By.id("main")).getAttribute("data-refreshes");
        return value == null ? 0 : Long.parseLong(value);
    }

    private static WebElement letterRow(WebDriver driver, String id) {
        return driver.findElement(By.cssSelector("#dead-letters tr[data-letter-id='" + id + "']"));
    }

    private long messagesIn(String topic) throws Exception {
        for (JsonNode view : getJson("/api/topics")) {
            if (view.get("name").asString().equals(topic)) {
                return view.get("messages").asLong();
            }
        }
        return -1;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A record as Spring Kafka's dead-letter publisher leaves it: the original, plus the reason in headers. */
    private void deadLetter(String key, String message) throws Exception {
        String payload = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"registrationId\":\"" + key + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(DEAD_LETTERS, 0, key, payload);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "org.eforum.registration.confirmed.v1".getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_ORIGINAL_TOPIC, TOPIC.getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(2).array())
                .add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41).array())
                .add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "page-test-group".getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_EXCEPTION_FQCN, "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8))
                .add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, message.getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        }
    }
}
