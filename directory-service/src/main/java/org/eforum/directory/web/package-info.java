/** What every HTTP endpoint of the directory shares: query-parameter validation, paging and the page envelope. */
package org.eforum.directory.web;
