package org.eforum.notification;

import org.eforum.testsupport.startup.ProductionStartupContract;

/** Outside the local profile notification-service refuses to start without its accounts. */
class ProductionStartupTest extends ProductionStartupContract {

    @Override
    protected Class<?> application() {
        return NotificationServiceApplication.class;
    }

    @Override
    protected String[] settingsBesidesAccounts() {
        return new String[0];
    }
}
