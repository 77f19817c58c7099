/**
 * Organisations, known by their folded name within a country. The collection keeps each one's display name
 * (the first spelling seen); who belongs to it is read from the people.
 */
@NullMarked
package org.eforum.directory.organisation;

import org.jspecify.annotations.NullMarked;
