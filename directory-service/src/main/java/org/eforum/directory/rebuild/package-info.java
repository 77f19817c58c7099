/** Rebuilding the directory from the event log: an operator action and a start-up option. */
package org.eforum.directory.rebuild;
