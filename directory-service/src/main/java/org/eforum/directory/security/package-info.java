/**
 * Who may call what: the directory, the experts' network and their pages are public, a conference's participant
 * list is for organisers, a rebuild from the log for operators.
 */
@NullMarked
package org.eforum.directory.security;

import org.jspecify.annotations.NullMarked;
