/**
 * People and their participations. A person is one document, identified privately by the normalised e-mail
 * and publicly by a random id; each registration event is applied to that document in one optimistic,
 * single-document write.
 */
package org.eforum.directory.person;
