/**
 * Each service's health as its actuator reports it, and the console's settings (where the services are).
 */
@NullMarked
package org.eforum.operations.service;

import org.jspecify.annotations.NullMarked;
