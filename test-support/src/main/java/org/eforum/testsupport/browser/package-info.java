/**
 * Page tests in a real headless Chromium (Debian's package, nothing downloaded), checked with axe-core.
 */
@NullMarked
package org.eforum.testsupport.browser;

import org.jspecify.annotations.NullMarked;
