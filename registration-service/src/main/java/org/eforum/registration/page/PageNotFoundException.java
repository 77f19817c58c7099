package org.eforum.registration.page;

/** Nothing to show at this address: an unknown registration, or a link whose token does not match. */
class PageNotFoundException extends RuntimeException {

    PageNotFoundException() {
        super(null, null, false, false);
    }
}
