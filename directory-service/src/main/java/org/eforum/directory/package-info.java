/**
 * The stakeholder directory: a read model projected from the registrations and conferences topics into its own
 * MongoDB database. People are known privately by their normalised e-mail and publicly only by a random id;
 * the public API lists only those whose newest registration consented to it.
 */
@NullMarked
package org.eforum.directory;

import org.jspecify.annotations.NullMarked;
