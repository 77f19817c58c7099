/**
 * The participants' personal data on Kafka: the shared address key (person ids), and for the consumers the person
 * keys read from their topic and the opening of sealed events; an erased person's events open to nothing.
 */
@NullMarked
package org.eforum.platform.privacy;

import org.jspecify.annotations.NullMarked;
