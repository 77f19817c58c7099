/**
 * The directory's size for Prometheus (people, listed people, experts, organisations), counted when scraped.
 */
@NullMarked
package org.eforum.directory.metrics;

import org.jspecify.annotations.NullMarked;
