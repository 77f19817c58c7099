/**
 * Erasure on request: the erasure event is stored first (so the other services will hear of it), then this
 * service's registrations of the address are cancelled and anonymised.
 */
@NullMarked
package org.eforum.registration.erasure;

import org.jspecify.annotations.NullMarked;
