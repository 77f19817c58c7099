package org.eforum.directory.person;

import java.util.List;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.text.Normaliser;

/**
 * What a public directory query asks for; every part is optional. {@code terms} are folded query words, each
 * of which must start a word of the searched text.
 */
public record DirectoryFilter(List<String> terms, StakeholderType type, String country) {

    public DirectoryFilter {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public static DirectoryFilter of(String query, StakeholderType type, String country) {
        return new DirectoryFilter(Normaliser.queryTerms(query), type, country);
    }
}
