package org.eforum.registration.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.registration.HistoryEntry;
import org.junit.jupiter.api.Test;

/** Both languages say everything: a key missing in one would show as ??key?? on a page. */
class MessageBundlesTest {

    private final Properties english = load("messages_en.properties");
    private final Properties bulgarian = load("messages_bg.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(bulgarian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void everyChangeInARegistrationsHistoryHasALabel() {
        for (Properties messages : new Properties[] {english, bulgarian}) {
            Arrays.stream(HistoryEntry.Change.values())
                    .forEach(change -> assertThat(messages).containsKey("organiser.history." + change.name()));
        }
    }

    @Test
    void everyStakeholderTypeFieldAndStatusHasALabel() {
        for (Properties messages : new Properties[] {english, bulgarian}) {
            Arrays.stream(StakeholderType.values())
                    .forEach(type -> assertThat(messages).containsKey("stakeholderType." + type.name()));
            Arrays.stream(RegistrationStatus.values()).forEach(status -> assertThat(messages)
                    .containsKeys("status." + status.name(), "status." + status.name() + ".heading"));
            FormErrors.FIELDS.forEach(field -> assertThat(messages).containsKey("field." + field));
        }
    }

    @Test
    void pluralsReadNaturally() {
        assertThat(format(english, "conference.seatsLeft", Locale.ENGLISH, 1)).isEqualTo("1 seat left");
        assertThat(format(english, "conference.seatsLeft", Locale.ENGLISH, 1200)).isEqualTo("1,200 seats left");
        assertThat(format(bulgarian, "conference.seatsLeft", Locale.forLanguageTag("bg"), 1)).isEqualTo("Остава 1 свободно място");
        assertThat(format(bulgarian, "conference.seatsLeft", Locale.forLanguageTag("bg"), 3)).isEqualTo("Остават 3 свободни места");
    }

    @Test
    void validationMessagesSurviveMessageFormat() {
        // Spring formats every field error with MessageFormat, where a lone apostrophe would vanish.
        for (Properties messages : new Properties[] {english, bulgarian}) {
            for (String key : messages.stringPropertyNames()) {
                if (Character.isUpperCase(key.charAt(0)) || key.startsWith("typeMismatch")) {
                    assertThat(messages.getProperty(key)).as(key).doesNotContain("'");
                }
            }
        }
        assertThat(format(english, "Size", Locale.ENGLISH, "firstName", 200, 0)).isEqualTo("Use at most 200 characters.");
    }

    private static String format(Properties messages, String key, Locale locale, Object... arguments) {
        return new MessageFormat(messages.getProperty(key), locale).format(arguments);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
