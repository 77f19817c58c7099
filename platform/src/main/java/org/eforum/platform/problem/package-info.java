/**
 * Errors that never reach a controller (Spring Security's 401 and 403, a 404 or 405 before a handler is chosen,
 * a failure in a filter) answered as {@code application/problem+json}, RFC 9457, in every app.
 */
@NullMarked
package org.eforum.platform.problem;

import org.jspecify.annotations.NullMarked;
