/**
 * A person's right to be forgotten, from the erasures topic: their address is redacted in the delivery log
 * and the digest entries, its hash is remembered, and it is never mailed again (no delivery is even created).
 */
@NullMarked
package org.eforum.notification.erasure;

import org.jspecify.annotations.NullMarked;
