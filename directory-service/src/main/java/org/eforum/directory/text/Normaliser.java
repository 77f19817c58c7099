package org.eforum.directory.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Folds free text into the keys the directory matches on. Latin (and Greek) diacritics go, because people type
 * "Jose" for "José"; Cyrillic marks stay, because "й" and "и" are different letters, not an accent.
 */
public final class Normaliser {

    /** Latin letters that NFD does not decompose into a base letter and a mark. */
    private static final Map<Integer, String> LATIN_FOLDS = Map.of(
            (int) 'ß', "ss", (int) 'ø', "o", (int) 'đ', "d", (int) 'ł', "l", (int) 'æ', "ae",
            (int) 'œ', "oe", (int) 'ı', "i", (int) 'þ', "th", (int) 'ð', "d", (int) 'ħ', "h");

    /** Typed inside names ("O'Brien", "St John’s"): dropped for identity, so both spellings are one name. */
    private static final Set<Integer> APOSTROPHES = Set.of(0x27, 0x2019, 0x2018, 0x02BC, 0x60, 0xB4);

    private static final int MAX_QUERY_TERMS = 8;

    private Normaliser() {
    }

    /** The private identity of a person: e-mail addresses are compared case-insensitively, as users expect. */
    public static String email(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** What is shown: as typed, without stray whitespace. */
    public static String display(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    /** Case, whitespace, punctuation and Latin diacritics folded away: "Ministry of  Interior." → "ministry of interior". */
    public static String text(String text) {
        return fold(text, "");
    }

    /**
     * An organisation is its folded name within a country, so that "Ministry of Interior" and
     * "ministry of  interior " are one. The id is derived, not stored, so every event finds it without a lookup;
     * it reveals nothing beyond the (public) name.
     */
    public static String organisationId(String name, String country) {
        String key = "organisation:" + text(name) + "|" + (country == null ? "" : country.toUpperCase(Locale.ROOT));
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The words a stored text is found by: folded words, the apostrophe-joined spelling too ("o", "brien",
     * "obrien"), and the Latin transliteration of Cyrillic words, so "petrov" finds "Петров".
     */
    public static List<String> searchTokens(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            for (String token : words(fold(text, " ") + " " + fold(text, ""))) {
                tokens.add(token);
                tokens.add(Transliteration.toLatin(token));
            }
        }
        return List.copyOf(tokens);
    }

    /** The words of a user's query, folded the same way as stored text; a few at most, to bound the search. */
    public static List<String> queryTerms(String query) {
        List<String> words = words(fold(query, " "));
        return words.size() > MAX_QUERY_TERMS ? words.subList(0, MAX_QUERY_TERMS) : words;
    }

    private static List<String> words(String folded) {
        return folded.isBlank() ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(Arrays.asList(folded.strip().split(" +"))));
    }

    private static String fold(String text, String apostrophe) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean keepMarks = false;
        for (int i = 0; i < decomposed.length(); ) {
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isMark(codePoint)) {
                if (keepMarks) {
                    folded.appendCodePoint(codePoint);
                }
            } else if (Character.isLetterOrDigit(codePoint)) {
                int lower = Character.toLowerCase(codePoint);
                Character.UnicodeScript script = Character.UnicodeScript.of(lower);
                keepMarks = script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.GREEK;
                String replacement = LATIN_FOLDS.get(lower);
                if (replacement != null) {
                    folded.append(replacement);
                } else {
                    folded.appendCodePoint(lower);
                }
            } else {
                keepMarks = false;
                folded.append(APOSTROPHES.contains(codePoint) ? apostrophe : " ");
            }
        }
        return Normalizer.normalize(folded, Normalizer.Form.NFC).replaceAll(" +", " ").strip();
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
