package org.eforum.directory.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organisation; {@code id} is derived from {@code normalisedName} and {@code country}. */
@Document(Organisation.COLLECTION)
public record Organisation(@Id String id, String name, String normalisedName, String country, Instant firstSeen) {

    static final String COLLECTION = "organisations";
}
