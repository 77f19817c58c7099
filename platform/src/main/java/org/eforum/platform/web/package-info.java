/**
 * What the apps with public pages share: the page language ({@code ?lang=}, the cookie, the browser, the
 * conference), switched on by {@code eforum.pages.language-switch=true}.
 */
@NullMarked
package org.eforum.platform.web;

import org.jspecify.annotations.NullMarked;
