/** Who may call what: health is public, the delivery log is for organisers and operators. */
package org.eforum.notification.security;
