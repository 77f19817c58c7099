package org.eforum.directory.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.text.Normaliser;
import org.eforum.directory.text.Transliteration;

/**
 * The folded forms the directory queries and sorts on, derived from the profile whenever it changes.
 * <p>
 * {@code keys} are what the public queries look up by equality, so that every one of them is an index walk in
 * {@code (search.keys, search.sortKey, publicId)} order on any MongoDB (see {@link People} and README, "Directory
 * search"): per audience ({@code l} listed in the directory, {@code e} the experts' network) the audience itself,
 * the audience with the stakeholder type, the country and both, and the audience with every prefix (1 to
 * {@link #MAX_PREFIX} characters) of every Latin-script token ({@code l:iv}, {@code l:iva}, …). Cyrillic tokens
 * are found through their transliteration, which {@code tokens} always holds too. {@code tokens} (whole words) stay
 * for the rare term that no key decides alone. {@code format} tells documents written before the keys existed
 * (they are backfilled on start).
 */
public record SearchKeys(List<String> tokens, List<String> organisationTokens, String sortKey,
        String organisationSortKey, List<String> keys, Integer format) {

    /**
     * The version of {@code keys}' layout; documents with another one are recomputed on start. 2: only a confirmed
     * address gives keys (see {@link Person#derive}).
     */
    public static final int FORMAT = 2;
    /** Prefixes longer than this are not stored: a longer term is matched on its first characters, then exactly. */
    static final int MAX_PREFIX = 20;

    static final String LISTED = "l";
    static final String EXPERTS = "e";

    public SearchKeys {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        organisationTokens = organisationTokens == null ? List.of() : List.copyOf(organisationTokens);
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    static SearchKeys of(Profile profile) {
        List<String> tokens = Normaliser.searchTokens(profile.firstName(), profile.lastName(), profile.organisation());
        return new SearchKeys(tokens,
                Normaliser.searchTokens(profile.organisation()),
                Normaliser.text(Objects.toString(profile.lastName(), "") + " " + Objects.toString(profile.firstName(), "")),
                Normaliser.text(profile.organisation()),
                keys(profile, tokens), FORMAT);
    }

    private static List<String> keys(Profile profile, List<String> tokens) {
        List<String> audiences = new ArrayList<>(2);
        if (profile.listInDirectory()) {
            audiences.add(LISTED);
        }
        if (profile.joinExpertsNetwork()) {
            audiences.add(EXPERTS);
        }
        TreeSet<String> prefixes = prefixes(tokens);
        List<String> keys = new ArrayList<>();
        for (String audience : audiences) {
            addAudienceKeys(keys, audience, profile.stakeholderType(), profile.country(), prefixes);
        }
        return keys;
    }

    /**
     * One audience's keys: the audience itself, with the type, the country and both, and with every prefix (the
     * people's keys, and an organisation listing's per member).
     */
    static void addAudienceKeys(Collection<String> keys, String audience, StakeholderType type, String country,
            Set<String> prefixes) {
        keys.add(audience);
        for (String facet : new String[] {facet(type, null), facet(null, country), facet(type, country)}) {
            if (facet != null) {
                keys.add(audience + facet);
            }
        }
        prefixes.forEach(prefix -> keys.add(audience + ":" + prefix));
    }

    /**
     * Every prefix of every token that is its own transliteration (Latin, digits, Greek, …): a Cyrillic word's
     * transliteration is always among the tokens, and a query term is looked up by its transliteration
     * ({@link #termKey}), so Cyrillic prefixes would only double the keys.
     */
    static TreeSet<String> prefixes(List<String> tokens) {
        TreeSet<String> prefixes = new TreeSet<>();
        for (String token : tokens) {
            int end = 0;
            for (int length = 1; length <= MAX_PREFIX && end < token.length(); length++) {
                end = token.offsetByCodePoints(end, 1);
                String prefix = token.substring(0, end);
                if (Transliteration.toLatin(prefix).equals(prefix)) {
                    prefixes.add(prefix);
                }
            }
        }
        return prefixes;
    }

    /** The key of the type and/or country facet, e.g. {@code |t:ACADEMIA|c:BG}; null when neither is given. */
    static String facet(StakeholderType type, String country) {
        if (type == null && country == null) {
            return null;
        }
        return (type == null ? "" : "|t:" + type.name()) + (country == null ? "" : "|c:" + country);
    }

    /**
     * The key a query term is looked up by, without the audience. A term matches a person when a token starts with
     * the term or its transliteration. Unless the term ends in "ия" (whose transliteration is not a prefix of a
     * longer word's: "мария" → "maria", "марияна" → "mariyana"), that is exactly: the transliteration is a stored
     * prefix, because every Cyrillic token's transliteration is a token too. Otherwise (and for terms longer than
     * {@link #MAX_PREFIX}) the key is a necessary condition only and {@link #isExact} is false: the query then adds
     * the term's own condition on {@code tokens}.
     */
    static String termKey(String term) {
        String base = term.endsWith("ия") ? term.substring(0, term.length() - 1) : term;
        String latin = Transliteration.toLatin(base);
        int codePoints = latin.codePointCount(0, latin.length());
        return codePoints <= MAX_PREFIX ? latin : latin.substring(0, latin.offsetByCodePoints(0, MAX_PREFIX));
    }

    static boolean isExact(String term) {
        if (term.endsWith("ия")) {
            return false;
        }
        String latin = Transliteration.toLatin(term);
        return latin.codePointCount(0, latin.length()) <= MAX_PREFIX;
    }
}
