package org.eforum.localstack;

/** The four E-Forum apps, with the module they are built in. */
public enum App {
    REGISTRATION("registration-service"),
    DIRECTORY("directory-service"),
    NOTIFICATION("notification-service"),
    CONSOLE("operations-console");

    private final String module;

    App(String module) {
        this.module = module;
    }

    public String module() {
        return module;
    }

    public int port(Ports ports) {
        switch (this) {
            case REGISTRATION:
                return ports.registration();
            case DIRECTORY:
                return ports.directory();
            case NOTIFICATION:
                return ports.notification();
            default:
                return ports.console();
        }
    }
}
