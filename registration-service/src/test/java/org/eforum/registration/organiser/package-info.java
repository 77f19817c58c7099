@NullMarked
package org.eforum.registration.organiser;

import org.jspecify.annotations.NullMarked;
