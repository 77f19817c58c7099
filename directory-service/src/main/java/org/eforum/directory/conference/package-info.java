/**
 * The conferences the directory knows, projected from the compacted conferences topic so that participations
 * can show a conference's current title.
 */
package org.eforum.directory.conference;
