/** The directory's configuration ({@code eforum.directory.*}), checked at start-up. */
@NullMarked
package org.eforum.directory.settings;

import org.jspecify.annotations.NullMarked;
