/** What every HTTP endpoint of the directory shares: query-parameter validation, paging and the page envelope. */
@NullMarked
package org.eforum.directory.web;

import org.jspecify.annotations.NullMarked;
