/**
 * Bean Validation constraints the API and the form share: country code, e-mail address, language, plain text.
 */
@NullMarked
package org.eforum.registration.validation;

import org.jspecify.annotations.NullMarked;
