/**
 * Registrations by status and the outboxes' backlog for Prometheus; the counts by status are cached so that
 * several scrapers cost one count.
 */
@NullMarked
package org.eforum.registration.metrics;

import org.jspecify.annotations.NullMarked;
