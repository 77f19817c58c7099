/** Text folding shared by identity (people, organisations) and search. */
@NullMarked
package org.eforum.directory.text;

import org.jspecify.annotations.NullMarked;
