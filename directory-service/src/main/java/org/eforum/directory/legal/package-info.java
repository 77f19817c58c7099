/** The links every page owes to the organiser's privacy notice and accessibility statement. */
package org.eforum.directory.legal;
