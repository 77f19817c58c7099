/** Rebuilding the directory from the event log: an operator action and a start-up option. */
@NullMarked
package org.eforum.directory.rebuild;

import org.jspecify.annotations.NullMarked;
