/**
 * The notices a public body owes where it collects data: the GDPR Art. 13 privacy notice (its version stored with
 * each consent) and the accessibility statement of the EU Web Accessibility Directive, both naming the organiser
 * from {@code eforum.organiser.*}.
 */
@NullMarked
package org.eforum.registration.legal;

import org.jspecify.annotations.NullMarked;
