package org.eforum.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: the whole E-Forum pipeline on this machine, in the foreground until Ctrl-C or SIGTERM.
 * Options: {@code --no-demo} skips the two demo conferences; {@code --fresh} deletes the data kept under
 * {@code .local-stack/data/} and starts empty; {@code --instances N} (1 to 4) starts N instances of each app, the
 * n-th on its app's port + (n - 1) × 100, sharing the consumer groups and the store as pods would.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("Usage: ./run-local [--no-demo] [--fresh] [--instances N]");
            return;
        }
        int instances = instances(arguments);
        long begin = System.nanoTime();
        Path root = Path.of(System.getProperty("eforum.root", ".")).toAbsolutePath().normalize();
        Path classpathFile = root.resolve("local-stack/target/runtime.classpath");
        String kafkaClasspath = Files.readString(classpathFile).trim();
        JavaRuntime java = JavaRuntime.newest();
        Ports ports = Ports.contract();
        System.out.println("Starting Kafka (KRaft), MongoDB-wire server, GreenMail and the four apps on Java "
                + java.feature() + (java.hasVirtualThreads() ? " with virtual threads" : "") + " …");

        Stack stack = Stack.start(new Stack.Options(root, ports, root.resolve(".local-stack"), java, kafkaClasspath,
                null, null, EnumSet.allOf(App.class), arguments.contains("--fresh"), instances));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping E-Forum …");
            stack.close();
            stopped.countDown();
        }, "stop-eforum"));

        List<DemoConferences.Demo> demos = arguments.contains("--no-demo") ? List.of()
                : DemoConferences.load(stack.baseUrl(App.REGISTRATION), LocalDate.now());
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        System.out.println(banner(stack, ports, demos, took));
        stopped.await();
    }

    private static int instances(List<String> arguments) {
        int at = arguments.indexOf("--instances");
        if (at < 0) {
            return 1;
        }
        try {
            int instances = Integer.parseInt(arguments.get(at + 1));
            if (instances >= 1 && instances <= 4) {
                return instances;
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            // reported below
        }
        System.err.println("--instances takes a number from 1 to 4");
        System.exit(2);
        return 1;
    }

    private static String banner(Stack stack, Ports ports, List<DemoConferences.Demo> demos, Duration took) {
        StringBuilder text = new StringBuilder();
        text.append("\nE-Forum is up (in ").append(took.toSeconds()).append(" s)\n");
        text.append("  Conferences and registration  ").append(stack.baseUrl(App.REGISTRATION)).append("/\n");
        text.append("  Organisers' workspace         ").append(stack.baseUrl(App.REGISTRATION))
                .append("/organiser (organiser/organiser; organiser2/organiser2 is in no team yet)\n");
        text.append("  Stakeholder directory         ").append(stack.baseUrl(App.DIRECTORY)).append("/directory\n");
        text.append("  Notification delivery log     ").append(stack.baseUrl(App.NOTIFICATION)).append("/api/notifications?registrationId=…\n");
        text.append("  Operations console            ").append(stack.baseUrl(App.CONSOLE)).append("/ (operator/operator)\n");
        text.append("  Kafka ").append(stack.bootstrapServers()).append(" · MongoDB ").append(stack.mongoUri())
                .append(" · SMTP 127.0.0.1:").append(ports.smtp()).append(" · IMAP 127.0.0.1:").append(ports.imap()).append('\n');
        text.append("  Accounts (local only): organiser/organiser, organiser2/organiser2, operator/operator\n");
        for (DemoConferences.Demo demo : demos) {
            text.append("  Demo form: ").append(stack.baseUrl(App.REGISTRATION)).append("/conferences/")
                    .append(demo.id()).append("/register\n");
        }
        if (!demos.isEmpty()) {
            DemoConferences.Demo demo = demos.get(0);
            text.append("  Captured mail over IMAP at 127.0.0.1:").append(ports.imap())
                    .append(", login = password = the recipient address, e.g. ").append(demo.contactEmail())
                    .append(" (organiser), ").append(demo.ccEmail()).append(" (cc) or the participant's own\n");
            text.append("  Try: curl -i -H 'Content-Type: application/json' ").append(stack.baseUrl(App.REGISTRATION))
                    .append("/api/conferences/").append(demo.id()).append("/registrations -d '{\"firstName\":\"Ana\",")
                    .append("\"lastName\":\"Petrova\",\"email\":\"ana@example.org\",\"organisation\":\"Sofia Municipality\",")
                    .append("\"stakeholderType\":\"LOCAL_AUTHORITY\",\"country\":\"BG\",\"language\":\"bg\",")
                    .append("\"consents\":{\"dataProcessing\":true,\"listInDirectory\":true,\"joinExpertsNetwork\":false}}'\n");
            text.append("  Listed in the directory once the address is confirmed: the button on the page the mailed ")
                    .append("link opens, or curl -X POST '<selfServiceUrl with /confirm-address before ?token>'\n");
        }
        for (App app : App.values()) {
            for (AppProcess instance : stack.instances(app).subList(1, stack.instances(app).size())) {
                text.append("  ").append(String.format("%-30s", instance.name())).append(instance.baseUrl())
                        .append('\n');
            }
        }
        text.append("  Mail statistics               ").append(stack.mail().statsUrl()).append('\n');
        text.append("  Data: .local-stack/data/ (kept across restarts; ./run-local --fresh starts empty)\n");
        text.append("  Logs: .local-stack/logs/ · Ctrl-C stops everything\n");
        return text.toString();
    }
}
