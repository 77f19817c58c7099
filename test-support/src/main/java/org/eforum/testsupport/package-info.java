/**
 * Real servers and readers for the services' tests without Docker: a MongoDB-wire server, IMAP mailboxes,
 * the events on a topic.
 */
@NullMarked
package org.eforum.testsupport;

import org.jspecify.annotations.NullMarked;
