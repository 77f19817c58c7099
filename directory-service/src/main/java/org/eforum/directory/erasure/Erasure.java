package org.eforum.directory.erasure;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record that a person was erased: the hash of their address (never the address) and the moment of the newest
 * erasure request. Registration events up to that moment are ignored, whenever they arrive (a replay, a rebuild,
 * a late redelivery); a registration made after it is a new, freshly consented one and is projected as usual.
 */
@Document(Erasure.COLLECTION)
public record Erasure(@Id String emailHash, Instant erasedAt) {

    public static final String COLLECTION = "erasures";
}
