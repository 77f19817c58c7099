/** The links every page owes to the organiser's privacy notice and accessibility statement. */
@NullMarked
package org.eforum.directory.legal;

import org.jspecify.annotations.NullMarked;
