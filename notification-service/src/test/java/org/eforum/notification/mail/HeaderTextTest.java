package org.eforum.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderTextTest {

    @Test
    void lineBreaksAndControlCharactersBecomeSpaces() {
        assertThat(HeaderText.singleLine("Eve\r\nBcc: evil@example.org")).isEqualTo("Eve Bcc: evil@example.org");
        assertThat(HeaderText.singleLine("a\u0000b\u0007c\td\u2028e\u2029f\u0085g")).isEqualTo("a b c d e f g");
    }

    @Test
    void bidirectionalOverridesCannotDisguiseAName() {
        assertThat(HeaderText.singleLine("Admin\u202Egpj.exe\u2066x\u2069")).isEqualTo("Admin gpj.exe x");
    }

    @Test
    void lettersOfAnyScriptAndEmojiStay() {
        assertThat(HeaderText.singleLine("  Мария  José 李 \uD83C\uDF89 ")).isEqualTo("Мария José 李 \uD83C\uDF89");
        assertThat(HeaderText.singleLine(null)).isEmpty();
    }
}
