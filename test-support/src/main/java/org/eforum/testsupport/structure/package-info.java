/** The structure rules every service's {@code StructureTest} checks on its own main classes, with ArchUnit. */
@NullMarked
package org.eforum.testsupport.structure;

import org.jspecify.annotations.NullMarked;
