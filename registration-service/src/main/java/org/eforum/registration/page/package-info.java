/**
 * The participants' pages, server-rendered in Bulgarian and English: the list of open conferences, the
 * registration form (same fields, same validation and same {@code RegistrationService} as the JSON API) and the
 * participant's own page behind their self-service link. The language comes from {@code ?lang=}, kept for the
 * visit, else the browser, else the conference ({@link org.eforum.platform.web.PageLanguageResolver}).
 */
@NullMarked
package org.eforum.registration.page;

import org.jspecify.annotations.NullMarked;
