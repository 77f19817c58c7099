/**
 * Every app's JSON bodies taken as strictly as the contract asks: enums by name only, UTF-8 that decodes without
 * a single malformed or overlong byte sequence.
 */
@NullMarked
package org.eforum.platform.json;

import org.jspecify.annotations.NullMarked;
