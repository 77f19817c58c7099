/**
 * HTTP concerns no feature needs to know about: problem+json errors, the body size limit, strict JSON and
 * the security filter chain. Feature packages do not import this one.
 */
@NullMarked
package org.eforum.registration.web;

import org.jspecify.annotations.NullMarked;
