/**
 * The public pages (Bulgarian and English, server-rendered): the stakeholder directory with search and filters,
 * organisation pages and the experts' network. They read the same queries as the public API, so they show
 * exactly what the API shows, and nothing more.
 */
@NullMarked
package org.eforum.directory.page;

import org.jspecify.annotations.NullMarked;
