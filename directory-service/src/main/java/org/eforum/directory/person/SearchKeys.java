package org.eforum.directory.person;

import java.util.List;
import java.util.Objects;

import org.eforum.directory.text.Normaliser;

/**
 * The folded forms the directory queries and sorts on, derived from the profile whenever it changes. Word
 * tokens rather than one text, so that a prefix match ({@code ^ivan}) can use an index on a real MongoDB.
 */
public record SearchKeys(List<String> tokens, List<String> organisationTokens, String sortKey,
        String organisationSortKey) {

    public SearchKeys {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        organisationTokens = organisationTokens == null ? List.of() : List.copyOf(organisationTokens);
    }

    static SearchKeys of(Profile profile) {
        return new SearchKeys(
                Normaliser.searchTokens(profile.firstName(), profile.lastName(), profile.organisation()),
                Normaliser.searchTokens(profile.organisation()),
                Normaliser.text(Objects.toString(profile.lastName(), "") + " " + Objects.toString(profile.firstName(), "")),
                Normaliser.text(profile.organisation()));
    }
}
