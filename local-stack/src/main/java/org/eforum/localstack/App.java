package org.eforum.localstack;

/**
 * The four E-Forum apps, with the module they are built in and their heap in the local stack (MB): the console
 * keeps only a few minutes of samples, the others a rush's worth of requests and batches.
 */
public enum App {
    REGISTRATION("registration-service", 320),
    DIRECTORY("directory-service", 320),
    NOTIFICATION("notification-service", 320),
    CONSOLE("operations-console", 160);

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
