/** Who may call what: health is public, the delivery log is for organisers and operators, metrics for operators. */
package org.eforum.notification.security;
