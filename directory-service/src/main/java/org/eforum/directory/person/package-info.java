/**
 * People and their participations. A person is one document, identified privately by the normalised e-mail
 * and publicly by a keyed hash of it (stable across rebuilds); each registration event is applied to that document in one optimistic,
 * single-document write.
 */
@NullMarked
package org.eforum.directory.person;

import org.jspecify.annotations.NullMarked;
