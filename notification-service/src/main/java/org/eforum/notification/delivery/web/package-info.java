/**
 * The delivery log over HTTP for organisers and operators; addresses of erased people show redacted.
 */
@NullMarked
package org.eforum.notification.delivery.web;

import org.jspecify.annotations.NullMarked;
