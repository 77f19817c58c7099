/** The directory's configuration ({@code eforum.directory.*}), checked at start-up. */
package org.eforum.directory.settings;
