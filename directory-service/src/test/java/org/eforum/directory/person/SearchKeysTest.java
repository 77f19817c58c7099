package org.eforum.directory.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.text.Normaliser;
import org.eforum.directory.text.Transliteration;
import org.junit.jupiter.api.Test;

/**
 * The keys find exactly whom the former query found: a term matches a person when one of their tokens starts with
 * the term or with its transliteration ({@code search.tokens} with {@code ^term}), now an equality on a key plus,
 * for the few terms a key cannot decide alone, that same condition.
 */
class SearchKeysTest {

    private static final String[][] PEOPLE = {
            {"Мария", "Иванова", "Министерство на вътрешните работи"}, {"Марияна", "Петрова", "Община Русе"},
            {"Maria", "Ivanova", "Sofia University"}, {"Ivan", "Petrov", "O'Brien Foundation"},
            {"Щерю", "Жеков", "Фондация „Българска история“"}, {"José", "Núñez-Straße", "Asociación"},
            {"Йордан", "Ёлкин", "Академия на науките"}, {"Юлия", "Цанкова", "Агенция за закрила на детето"},
            {"Ελένη", "Παπαδοπούλου", "Ελληνική Εταιρεία"}, {"Константин", "Константинопольский", "Международна организация по миграция"},
            {"Ana", "Łukasiewicz", "Müller-Lüdenscheidt GmbH"}, {"Ивайло", "Ия", "Ияия"}};

    @Test
    void everyTermFindsWhomThePrefixRegexFound() {
        List<String> terms = new ArrayList<>(List.of("iv", "пе", "мария", "maria", "мари", "марияна", "mariya",
                "мърия", "ия", "ia", "i", "ivanova", "иванова", "ivan petrov", "щ", "sht", "shteryu", "obrien", "brien",
                "o", "jose", "nunez", "strasse", "агенция", "agentsia", "agentsiya", "академия", "akademia", "ελ",
                "константинопольский", "konstantinopolskiy", "konstantinopolskiyx", "лукасиевич", "lukasiewicz",
                "muller", "gmbh", "ёлкин", "yolkin", "юлия", "yulia", "yuliya", "ияия", "iaia", "iyaia"));
        for (String[] person : PEOPLE) {
            for (String token : Normaliser.searchTokens(person)) {
                for (int end = 1; end <= token.length(); end++) {
                    terms.add(token.substring(0, end));
                }
            }
        }
        int matches = 0;
        for (String[] person : PEOPLE) {
            Profile profile = new Profile(person[0], person[1], person[2], "org", StakeholderType.ACADEMIA, "BG",
                    null, "bg", true, false, Instant.EPOCH, "event");
            SearchKeys keys = SearchKeys.of(profile);
            for (String query : terms) {
                for (String term : Normaliser.queryTerms(query)) {
                    boolean before = regexMatches(keys.tokens(), term);
                    boolean now = keys.keys().contains("l:" + SearchKeys.termKey(term))
                            && (SearchKeys.isExact(term) || regexMatches(keys.tokens(), term));
                    assertThat(now).as("%s finds %s", term, String.join(" ", person)).isEqualTo(before);
                    matches += before ? 1 : 0;
                }
            }
        }
        assertThat(matches).isGreaterThan(500);
    }

    @Test
    void keysPerAudienceAndFacet() {
        Profile profile = new Profile("Ана", "Петрова", "Община Русе", "org", StakeholderType.LOCAL_AUTHORITY, "BG",
                null, "bg", true, true, Instant.EPOCH, "event");
        assertThat(SearchKeys.of(profile).keys()).contains("l", "e", "l|t:LOCAL_AUTHORITY", "l|c:BG",
                "l|t:LOCAL_AUTHORITY|c:BG", "l:p", "l:petrova", "e:petrova", "e:ruse", "l:an")
                .doesNotContain("l:петрова", "l:пе");
        Profile unlisted = new Profile("Ана", "Петрова", "Община Русе", "org", null, "BG", null, "bg", false, false,
                Instant.EPOCH, "event");
        assertThat(SearchKeys.of(unlisted).keys()).isEmpty();
    }

    private static boolean regexMatches(List<String> tokens, String term) {
        Set<String> spellings = new LinkedHashSet<>(List.of(term, Transliteration.toLatin(term)));
        return tokens.stream().anyMatch(token -> spellings.stream().anyMatch(token::startsWith));
    }
}
