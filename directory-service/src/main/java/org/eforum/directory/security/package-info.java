/** Who may call what: the directory is public, a conference's participant list is for organisers. */
package org.eforum.directory.security;
