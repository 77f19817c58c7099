/** The organisers' workspace: pages under {@code /organiser}, behind a login form. */
@NullMarked
package org.eforum.registration.organiser;

import org.jspecify.annotations.NullMarked;
