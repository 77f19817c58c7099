/**
 * Crypto-shredding of the participants' personal data on Kafka: the keyed hash that names a person without their
 * address, the per-person AES-256-GCM key and the envelope that carries the personal fields of an event sealed
 * with it. Erasing a person deletes their key, which leaves every copy of those fields on every topic unreadable.
 */
@NullMarked
package org.eforum.contracts.privacy;

import org.jspecify.annotations.NullMarked;
