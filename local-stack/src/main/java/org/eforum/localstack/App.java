package org.eforum.localstack;

/**
 * The four E-Forum apps, with the module they are built in and their heap in the local stack (MB). Measured
 * after a rush of 20,000 registrations: about 40 MB live in registration-service; the committed heap, not the
 * live data, is what makes a JVM's RSS, so the caps stay a few times the live size.
 */
public enum App {
    REGISTRATION("registration-service", 224),
    DIRECTORY("directory-service", 224),
    NOTIFICATION("notification-service", 224),
    CONSOLE("operations-console", 128);

    private final String module;
    private final int heapMegabytes;

    App(String module, int heapMegabytes) {
        this.module = module;
        this.heapMegabytes = heapMegabytes;
    }

    public int heapMegabytes() {
        return heapMegabytes;
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
