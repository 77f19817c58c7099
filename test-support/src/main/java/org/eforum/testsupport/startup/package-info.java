/** What every service's {@code ProductionStartupTest} checks: outside the local profile no default credential. */
@NullMarked
package org.eforum.testsupport.startup;

import org.jspecify.annotations.NullMarked;
