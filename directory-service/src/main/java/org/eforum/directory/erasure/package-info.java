/**
 * Erasure requests ("right to be forgotten"): the register of erased e-mail hashes that every projection consults,
 * so that no replay brings an erased person back.
 */
@NullMarked
package org.eforum.directory.erasure;

import org.jspecify.annotations.NullMarked;
