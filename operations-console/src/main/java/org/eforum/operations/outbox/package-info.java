/**
 * The outbox backlog of the services that keep one (registration-service), asked with the operator's credentials.
 */
@NullMarked
package org.eforum.operations.outbox;

import org.jspecify.annotations.NullMarked;
