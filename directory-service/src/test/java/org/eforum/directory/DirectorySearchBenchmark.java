package org.eforum.directory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eforum.contracts.event.ConferenceSnapshot;
import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Participant;
import org.eforum.contracts.event.RegistrationConfirmed;
import org.eforum.contracts.event.RegistrationEvent;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.directory.organisation.Organisations;
import org.eforum.directory.person.Person;
import org.eforum.directory.person.BenchmarkPeople;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The public directory's latency with 50,000 people on the local stack's store. Not part of {@code ./mvnw verify}
 * (the name matches neither surefire's nor failsafe's patterns); run it explicitly:
 *
 * <pre>
 * ./mvnw -q -o -DskipTests install -pl local-stack -am
 * ./mvnw -o -pl directory-service test -Dtest=DirectorySearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It starts the store ({@code StoreServer}, H2 file under {@code directory-service/target/benchmark}, kept between
 * runs: the fill happens once) in its own JVM with {@code -Xmx512m}, fills it through the app's own projection
 ({@code Person.record}, what {@code PersonProjection.apply} runs, and {@link Organisations#register}) with realistic people
 * (Bulgarian Cyrillic and Latin names, ~2,000 organisations, ~70% listed, ~10% experts), starts the app without
 * Kafka on a random port and times the public HTTP endpoints. {@code -Dbenchmark.mongo=mongodb://…} runs against
 * another server instead of starting the store (a real MongoDB); {@code -Dbenchmark.people=} changes the size,
 * {@code -Dbenchmark.fresh=true} refills.
 */
public class DirectorySearchBenchmark {

    private static final int PEOPLE = Integer.getInteger("benchmark.people", 50_000);
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void measure() throws Exception {
        String uri = System.getProperty("benchmark.mongo");
        Process store = null;
        if (uri == null) {
            int port = freePort();
            Path file = ROOT.resolve("directory-service/target/benchmark/store-" + PEOPLE + ".mv.db");
            Files.createDirectories(file.getParent());
            if (Boolean.getBoolean("benchmark.fresh")) {
                Files.deleteIfExists(file);
            }
            store = startStore(port, file);
            uri = "mongodb://127.0.0.1:" + port;
        }
        // Command-line arguments, not default properties: application.yml's MONGODB_URI default must never win here,
        // or the fill would write into whatever MongoDB listens on localhost:27017.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DirectoryServiceApplication.class)
                .profiles("local")
                .run("--spring.mongodb.uri=" + uri,
                        "--spring.mongodb.database=eforum-directory-benchmark",
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                        "--spring.kafka.listener.auto-startup=false",
                        "--spring.kafka.admin.auto-create=false",
                        "--logging.level.root=warn",
                        "--logging.level.org.eforum=info")) {
            String database = app.getBean(MongoTemplate.class).getDb().getName();
            if (!database.equals("eforum-directory-benchmark")
                    || !uri.equals(app.getEnvironment().getProperty("spring.mongodb.uri"))) {
                throw new IllegalStateException("Not the benchmark's database: " + database);
            }
            fill(app);
            int httpPort = ((WebServerApplicationContext) app).getWebServer().getPort();
            measure("http://127.0.0.1:" + httpPort);
        } finally {
            if (store != null) {
                store.destroy();
                store.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    // --- the store --------------------------------------------------------------------------------------------

    private static Process startStore(int port, Path file) throws IOException, InterruptedException {
        Path classes = ROOT.resolve("local-stack/target/classes");
        Path classpath = ROOT.resolve("local-stack/target/runtime.classpath");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException("Build local-stack first: ./mvnw -q -o -DskipTests install -pl local-stack -am");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx" + System.getProperty("benchmark.store-heap", "512m"), "-cp",
                classes + File.pathSeparator + Files.readString(classpath).strip(),
                "org.eforum.localstack.store.StoreServer", String.valueOf(port), file.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("store ready")) {
                System.out.println("[benchmark] " + line);
                Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("[store] " + l)));
                drain.setDaemon(true);
                drain.start();
                return process;
            }
            System.out.println("[store] " + line);
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The store did not start");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- the people -------------------------------------------------------------------------------------------

    private static final String[] MALE_BG = {"Иван", "Георги", "Димитър", "Петър", "Николай", "Христо", "Стоян",
            "Тодор", "Йордан", "Васил", "Александър", "Атанас", "Красимир", "Пламен", "Стефан", "Илия", "Мартин",
            "Ивайло", "Любомир", "Валентин", "Борислав", "Цветан", "Емил", "Антон", "Калин", "Росен", "Светослав",
            "Кирил", "Веселин", "Огнян", "Живко", "Щерю", "Ясен", "Юлиан", "Ангел", "Михаил", "Даниел", "Венцислав"};
    private static final String[] FEMALE_BG = {"Мария", "Иванка", "Елена", "Йорданка", "Пенка", "Даниела",
            "Виолета", "Петя", "Гергана", "Десислава", "Надежда", "Анна", "Ивана", "Цветелина", "Силвия", "Радка",
            "Теодора", "Милена", "Кристина", "Емилия", "Веселина", "Нели", "Боряна", "Марияна", "Жана", "Юлия",
            "Радостина", "Габриела", "Стефка", "Снежана", "Зорница", "Лиляна", "Евгения", "Николета", "Ана"};
    private static final String[] SURNAME_BG = {"Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Христов",
            "Стоянов", "Тодоров", "Илиев", "Василев", "Атанасов", "Петков", "Ангелов", "Колев", "Йорданов",
            "Маринов", "Стефанов", "Попов", "Михайлов", "Кръстев", "Костов", "Димов", "Павлов", "Стойчев",
            "Александров", "Цветков", "Митев", "Янев", "Русев", "Кирилов", "Славов", "Марков", "Жеков", "Шишков",
            "Чавдаров", "Цанков", "Щерев", "Юруков", "Бояджиев", "Вълчев", "Грозданов", "Дончев", "Енчев",
            "Зафиров", "Лазаров", "Найденов", "Орешков", "Радев", "Узунов", "Филипов", "Хаджиев", "Константинов"};
    private static final String[] MALE_LATIN = {"Ivan", "Georgi", "Dimitar", "Petar", "Nikolay", "John", "Michael",
            "Andreas", "Thomas", "Mihai", "Alexandru", "Nikos", "Stefan", "Marco", "Luca", "José", "Jan", "Piotr",
            "Mehmet", "Ali", "Oleksandr", "Dragan", "Milan", "Sean", "Patrick"};
    private static final String[] FEMALE_LATIN = {"Maria", "Elena", "Ivana", "Anna", "Sophie", "Ioana", "Andreea",
            "Eleni", "Katarzyna", "Ana", "Giulia", "Laura", "Olena", "Ayşe", "Jelena", "Zoë", "Mária", "Siobhán"};
    private static final String[] SURNAME_LATIN = {"Ivanov", "Georgiev", "Petrov", "Dimitrov", "Popescu", "Ionescu",
            "Papadopoulos", "Müller", "Schmidt", "Rossi", "García", "Nowak", "Kowalski", "Yılmaz", "Kaya",
            "Shevchenko", "Jovanović", "Petrović", "Smith", "O'Brien", "Novák", "Horváth", "Dubois", "Nikolova",
            "Ivanova", "Petrova", "Müller-Lüdenscheidt", "Østergaard", "Łukasiewicz"};
    private static final String[] CITIES_BG = {"София", "Пловдив", "Варна", "Бургас", "Русе", "Стара Загора",
            "Плевен", "Сливен", "Добрич", "Шумен", "Перник", "Хасково", "Ямбол", "Пазарджик", "Благоевград",
            "Велико Търново", "Враца", "Габрово", "Асеновград", "Видин", "Казанлък", "Кюстендил", "Кърджали",
            "Монтана", "Димитровград", "Ловеч", "Силистра", "Търговище", "Дупница", "Свищов", "Смолян", "Петрич"};
    private static final String[] TOPICS_BG = {"развитие", "интеграция", "образование", "правата на човека",
            "миграция и бежанци", "гражданско участие", "социално включване", "младежта", "жените", "децата",
            "местното самоуправление", "околната среда", "култура", "предприемачество", "заетост", "здраве"};
    private static final String[] TOPICS_EN = {"Development", "Integration", "Education", "Human Rights",
            "Migration", "Civic Participation", "Social Inclusion", "Youth", "Women", "Children", "Local Democracy",
            "Environment", "Culture", "Entrepreneurship", "Employment", "Health"};
    private static final String[] COUNTRIES = {"BG", "BG", "BG", "BG", "BG", "BG", "BG", "BG", "BG", "BG", "BG",
            "BG", "BG", "BG", "BG", "BG", "RO", "GR", "DE", "MK", "RS", "TR", "UA", "IT", "FR", "AT", "BE", "NL",
            "PL", "ES", "IE"};
    private static final StakeholderType[] TYPES = StakeholderType.values();

    public record Org(String name, String country, StakeholderType type) {
    }

    public static List<Org> organisations(Random random) {
        List<Org> orgs = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        while (orgs.size() < 2_000) {
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            boolean bg = country.equals("BG");
            String city = CITIES_BG[random.nextInt(CITIES_BG.length)];
            String topicBg = TOPICS_BG[random.nextInt(TOPICS_BG.length)];
            String topicEn = TOPICS_EN[random.nextInt(TOPICS_EN.length)];
            String name;
            StakeholderType type;
            switch (random.nextInt(bg ? 12 : 6)) {
                case 0 -> { name = "Association for " + topicEn + " " + random.nextInt(100); type = StakeholderType.CIVIL_SOCIETY; }
                case 1 -> { name = "University of " + city.length() + " " + topicEn; type = StakeholderType.ACADEMIA; }
                case 2 -> { name = topicEn + " Foundation " + (char) ('A' + random.nextInt(26)); type = StakeholderType.CIVIL_SOCIETY; }
                case 3 -> { name = "Ministry of " + topicEn; type = StakeholderType.GOVERNMENT_INSTITUTION; }
                case 4 -> { name = "International Organisation for " + topicEn; type = StakeholderType.INTERNATIONAL_ORGANISATION; }
                case 5 -> { name = "Media " + topicEn + " " + random.nextInt(50); type = StakeholderType.MEDIA; }
                case 6 -> { name = "Община " + city; type = StakeholderType.LOCAL_AUTHORITY; }
                case 7 -> { name = "Фондация „" + topicBg + "“ " + city; type = StakeholderType.CIVIL_SOCIETY; }
                case 8 -> { name = "Сдружение за " + topicBg + " " + random.nextInt(40); type = StakeholderType.CIVIL_SOCIETY; }
                case 9 -> { name = "Министерство на " + topicBg; type = StakeholderType.GOVERNMENT_INSTITUTION; }
                case 10 -> { name = "Синдикат „" + topicBg + "“ " + city; type = StakeholderType.SOCIAL_PARTNER; }
                default -> { name = "Университет „" + topicBg + "“ " + city; type = StakeholderType.ACADEMIA; }
            }
            if (names.add(name + "|" + country)) {
                orgs.add(new Org(name, country, type));
            }
        }
        return orgs;
    }

    /** Roughly Zipf: the first names of a list are much more common, as Ivan and Ivanov are. */
    private static String pick(Random random, String[] values) {
        double u = random.nextDouble();
        return values[(int) Math.min(values.length - 1, Math.floor(values.length * u * u))];
    }

    public static Participant participant(Random random, int n, List<Org> orgs) {
        Org org = orgs.get((int) Math.min(orgs.size() - 1, Math.floor(orgs.size() * Math.pow(random.nextDouble(), 1.5))));
        boolean cyrillic = org.country().equals("BG") ? random.nextInt(10) < 8 : random.nextInt(10) < 1;
        boolean female = random.nextBoolean();
        String first;
        String last;
        if (cyrillic) {
            first = pick(random, female ? FEMALE_BG : MALE_BG);
            last = pick(random, SURNAME_BG) + (female ? "а" : "");
        } else {
            first = pick(random, female ? FEMALE_LATIN : MALE_LATIN);
            last = pick(random, SURNAME_LATIN);
        }
        StakeholderType type = random.nextInt(4) == 0 ? TYPES[random.nextInt(TYPES.length)] : org.type();
        boolean listed = random.nextInt(10) < 7;
        boolean experts = random.nextInt(10) == 0;
        return new Participant(first, last, "person-" + n + "@bench.example", org.name(), type, org.country(),
                random.nextInt(3) == 0 ? "Експерт" : "Programme officer", cyrillic ? "bg" : "en",
                new Consents(true, listed, experts));
    }

    private static void fill(ConfigurableApplicationContext app) throws Exception {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        long present = mongo.count(new Query(), Person.COLLECTION);
        if (present >= PEOPLE) {
            System.out.println("[benchmark] " + present + " people already in the store");
            return;
        }
        Organisations organisations = app.getBean(Organisations.class);
        BenchmarkPeople people = new BenchmarkPeople(app);
        List<Org> orgs = organisations(new Random(42));
        ConferenceSnapshot conference = Fixtures.conference("benchmark-2026", "Benchmark conference");
        long started = System.nanoTime();
        // Each organisation once through Organisations.register (as the listener does before every person), the
        // people through the projection's own Person.record, inserted in batches.
        Map<String, String> organisationIds = new java.util.HashMap<>();
        List<RegistrationEvent> batch = new ArrayList<>();
        List<String> batchOrganisations = new ArrayList<>();
        for (int n = (int) present; n < PEOPLE; n++) {
            Participant participant = participant(new Random(n), n, orgs);
            RegistrationConfirmed event = new RegistrationConfirmed(UUID.nameUUIDFromBytes(("e" + n).getBytes()),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), "reg-" + n, 1, participant, conference, null);
            String organisationId = organisationIds.computeIfAbsent(participant.organisation() + "|" + participant.country(),
                    key -> organisations.register(participant.organisation(), participant.country(), event.occurredAt(),
                            event.eventId().toString()).orElse(null));
            batch.add(event);
            batchOrganisations.add(organisationId);
            if (batch.size() == 1_000 || n == PEOPLE - 1) {
                people.insert(batch, batchOrganisations);
                batch.clear();
                batchOrganisations.clear();
                if ((n + 1) % 10_000 == 0) {
                    System.out.printf("[benchmark] filled %d people in %d s%n", n + 1,
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                }
            }
        }
        System.out.printf("[benchmark] filled %d people in %d s%n", PEOPLE,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    // --- the measurements -------------------------------------------------------------------------------------

    private static void measure(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("stakeholders, empty q, page 1", "/api/directory/stakeholders");
        queries.put("stakeholders, empty q, page 50", "/api/directory/stakeholders?page=49");
        queries.put("stakeholders, q=iv", "/api/directory/stakeholders?q=iv");
        queries.put("stakeholders, q=пе", "/api/directory/stakeholders?q=" + enc("пе"));
        queries.put("stakeholders, q=ivanova", "/api/directory/stakeholders?q=ivanova");
        queries.put("stakeholders, q=петрова", "/api/directory/stakeholders?q=" + enc("петрова"));
        queries.put("stakeholders, q=мария", "/api/directory/stakeholders?q=" + enc("мария"));
        queries.put("stakeholders, q=ivan petrov", "/api/directory/stakeholders?q=" + enc("ivan petrov"));
        queries.put("stakeholders, q=мария иванова", "/api/directory/stakeholders?q=" + enc("мария иванова"));
        queries.put("stakeholders, type", "/api/directory/stakeholders?type=ACADEMIA");
        queries.put("stakeholders, country=RO", "/api/directory/stakeholders?country=RO");
        queries.put("stakeholders, country=BG page 20", "/api/directory/stakeholders?country=BG&page=19");
        queries.put("stakeholders, type+country", "/api/directory/stakeholders?type=CIVIL_SOCIETY&country=BG");
        queries.put("stakeholders, q=iv+type", "/api/directory/stakeholders?q=iv&type=CIVIL_SOCIETY");
        queries.put("experts, empty q", "/api/directory/experts");
        queries.put("experts, q=пе", "/api/directory/experts?q=" + enc("пе"));
        queries.put("experts, type+country", "/api/directory/experts?type=EXPERT&country=BG");
        queries.put("organisations, empty q", "/api/directory/organisations");
        queries.put("organisations, page 5", "/api/directory/organisations?page=4");
        queries.put("organisations, q=община", "/api/directory/organisations?q=" + enc("община"));
        queries.put("organisations, q=min", "/api/directory/organisations?q=min");
        queries.put("organisations, q=ministry of", "/api/directory/organisations?q=" + enc("ministry of"));
        queries.put("organisations, type", "/api/directory/organisations?type=ACADEMIA");
        queries.put("organisations, country=RO", "/api/directory/organisations?country=RO");
        queries.put("/directory page", "/directory");
        queries.put("/directory?q=iv", "/directory?q=iv");
        int warmup = Integer.getInteger("benchmark.warmup", 10);
        int iterations = Integer.getInteger("benchmark.iterations", 100);
        long budget = TimeUnit.SECONDS.toNanos(Integer.getInteger("benchmark.seconds-per-query", 15));
        StringBuilder table = new StringBuilder(String.format("%n%-38s %8s %8s %8s %6s %8s%n", "query", "p50 ms",
                "p99 ms", "max ms", "n", "total"));
        for (Map.Entry<String, String> query : queries.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + query.getValue()))
                    .header("Accept-Language", "bg").GET().build();
            String total = "";
            for (int i = 0; i < warmup; i++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(query.getValue() + ": " + response.statusCode() + " " + response.body());
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(response.body());
                total = m.find() ? m.group(1) : "-";
            }
            List<Long> samples = new ArrayList<>();
            long start = System.nanoTime();
            while (samples.size() < iterations && (samples.size() < 20 || System.nanoTime() - start < budget)) {
                long t0 = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.discarding());
                samples.add(System.nanoTime() - t0);
            }
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            String row = String.format("%-38s %8.1f %8.1f %8.1f %6d %8s%n", query.getKey(), ms(percentile(sorted, 50)),
                    ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]), sorted.length, total);
            System.out.print("[benchmark] " + row);
            table.append(row);
        }
        System.out.println(table);
        Path out = ROOT.resolve("directory-service/target/benchmark/results-" + Instant.now().getEpochSecond() + ".txt");
        Files.writeString(out, table.toString());
        System.out.println("[benchmark] written to " + out);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
