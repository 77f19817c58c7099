/**
 * The console's pages and sign-in; it uses the feature packages, none of them uses it.
 */
@NullMarked
package org.eforum.operations.web;

import org.jspecify.annotations.NullMarked;
