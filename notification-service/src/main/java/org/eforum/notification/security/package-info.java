/** Who may call what: health is public, the delivery log is for organisers and operators, metrics for operators. */
@NullMarked
package org.eforum.notification.security;

import org.jspecify.annotations.NullMarked;
