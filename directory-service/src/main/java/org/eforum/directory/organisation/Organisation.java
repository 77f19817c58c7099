package org.eforum.directory.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation; {@code id} is derived from {@code normalisedName} and {@code country}. The display
 * {@code name} is the spelling of the earliest registration that named it ({@code nameSince}, ties broken by
 * {@code nameEventId}): a choice that does not depend on the order of arrival, so a rebuild gives the same name.
 * {@code website} is optional (no event carries one yet).
 */
@Document(Organisation.COLLECTION)
public record Organisation(@Id String id, String name, String normalisedName, String country, String website,
        Instant nameSince, String nameEventId) {

    public static final String COLLECTION = "organisations";
}
