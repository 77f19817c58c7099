/**
 * The conferences the directory knows, projected from the compacted conferences topic so that participations
 * can show a conference's current title.
 */
@NullMarked
package org.eforum.directory.conference;

import org.jspecify.annotations.NullMarked;
