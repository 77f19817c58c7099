/** Text folding shared by identity (people, organisations) and search. */
package org.eforum.directory.text;
