package org.eforum.directory.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Cyrillic to Latin by Bulgaria's official system (Transliteration Act 2009, the one on passports), plus the
 * letters of the other Cyrillic alphabets people may type. Works on folded (lower-case) words.
 */
public final class Transliteration {

    private static final Map<Integer, String> LATIN = new HashMap<>();

    static {
        String[][] letters = {
                {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ж", "zh"}, {"з", "z"},
                {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"},
                {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "h"}, {"ц", "ts"}, {"ч", "ch"},
                {"ш", "sh"}, {"щ", "sht"}, {"ъ", "a"}, {"ь", "y"}, {"ю", "yu"}, {"я", "ya"},
                {"ё", "yo"}, {"ы", "y"}, {"э", "e"}, {"є", "ye"}, {"і", "i"}, {"ї", "yi"}, {"ґ", "g"},
                {"ђ", "dj"}, {"ј", "j"}, {"љ", "lj"}, {"њ", "nj"}, {"ћ", "c"}, {"џ", "dz"}, {"ѓ", "gj"},
                {"ќ", "kj"}, {"ѕ", "dz"}};
        for (String[] letter : letters) {
            LATIN.put(letter[0].codePointAt(0), letter[1]);
        }
    }

    private Transliteration() {
    }

    public static String toLatin(String word) {
        // The Act's one contextual rule: a word-final "ия" is "ia" (България → Bulgaria), not "iya".
        String text = word.endsWith("ия") ? word.substring(0, word.length() - 2) : word;
        StringBuilder latin = new StringBuilder(word.length() + 4);
        text.codePoints().forEach(c -> {
            String replacement = LATIN.get(c);
            if (replacement != null) {
                latin.append(replacement);
            } else {
                latin.appendCodePoint(c);
            }
        });
        return text.length() == word.length() ? latin.toString() : latin.append("ia").toString();
    }
}
