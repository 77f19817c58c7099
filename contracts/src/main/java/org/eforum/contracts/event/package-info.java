/**
 * The events as records, versioned in their type ({@code ….v1}); additive changes only within a version.
 */
@NullMarked
package org.eforum.contracts.event;

import org.jspecify.annotations.NullMarked;
