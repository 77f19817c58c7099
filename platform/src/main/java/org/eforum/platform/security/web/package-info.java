/**
 * What every app's security filter chain gets from the platform, whatever its own rules: a Content-Security-Policy
 * on every answer, no state-changing API call a cross-site page could make a browser send with its cached login,
 * and a throttle on repeated failed logins.
 */
@NullMarked
package org.eforum.platform.security.web;

import org.jspecify.annotations.NullMarked;
