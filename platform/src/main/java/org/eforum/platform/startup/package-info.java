/**
 * Settings an app refuses to start without (credentials, secrets): the exception that names the property and
 * the failure analyzer that prints it as Spring Boot's "APPLICATION FAILED TO START" report instead of a stack trace.
 */
@NullMarked
package org.eforum.platform.startup;

import org.jspecify.annotations.NullMarked;
