package org.eforum.directory.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliserTest {

    @Test
    void emailsCompareCaseInsensitively() {
        assertThat(Normaliser.email("  Ana.Ivanova@Example.ORG ")).isEqualTo("ana.ivanova@example.org");
    }

    @Test
    void organisationNamesFoldCaseWhitespaceAndPunctuation() {
        assertThat(Normaliser.text("Ministry of Interior")).isEqualTo("ministry of interior");
        assertThat(Normaliser.text(" ministry of  interior ")).isEqualTo("ministry of interior");
        assertThat(Normaliser.text("Ministry of Interior.")).isEqualTo("ministry of interior");
        assertThat(Normaliser.text("St John’s (Sofia)")).isEqualTo(Normaliser.text("St. Johns - Sofia"));
        assertThat(Normaliser.organisationId("Ministry of Interior", "BG"))
                .isEqualTo(Normaliser.organisationId("ministry of  interior ", "bg"))
                .isNotEqualTo(Normaliser.organisationId("Ministry of Interior", "RO"));
    }

    @Test
    void latinDiacriticsGoButCyrillicLettersStay() {
        assertThat(Normaliser.text("José Núñez-Straße")).isEqualTo("jose nunez strasse");
        assertThat(Normaliser.text("Øresund Łódź")).isEqualTo("oresund lodz");
        assertThat(Normaliser.text("Йордан Ёлкин ПЕТРОВ")).isEqualTo("йордан ёлкин петров");
        assertThat(Normaliser.text("Ελλάδα")).isEqualTo("ελλαδα");
    }

    @Test
    void searchTokensIncludeJoinedApostrophesAndTransliteration() {
        assertThat(Normaliser.searchTokens("O'Brien")).contains("o", "brien", "obrien");
        assertThat(Normaliser.searchTokens("Иван Петров", "Министерство на вътрешните работи"))
                .contains("иван", "ivan", "петров", "petrov", "vatreshnite");
        assertThat(Normaliser.searchTokens("Мария от София")).contains("maria", "sofia");
        assertThat(Normaliser.searchTokens("Щерю Жеков")).contains("shteryu", "zhekov");
    }

    @Test
    void queriesBecomeFewFoldedTerms() {
        assertThat(Normaliser.queryTerms("  José   ALVAREZ! ")).containsExactly("jose", "alvarez");
        assertThat(Normaliser.queryTerms("(.*)+$")).isEmpty();
        assertThat(Normaliser.queryTerms("a b c d e f g h i j")).hasSize(8);
    }
}
