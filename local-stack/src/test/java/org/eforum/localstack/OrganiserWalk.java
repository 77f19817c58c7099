package org.eforum.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.eforum.testsupport.ImapMailbox;
import org.eforum.testsupport.ImapMailbox.ReceivedMail;
import org.eforum.testsupport.browser.Axe;
import org.eforum.testsupport.browser.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's walk through the organisers' workspace in a real Chromium, on a running stack: every step through the
 * pages as an organiser clicks them, the participants through the public API, the mail read over IMAP. Each page
 * is checked with axe-core (no violation of any impact) and saved as a PNG, numbered in the order of the walk.
 */
final class OrganiserWalk {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Stack stack;
    private final HeadlessChromium chromium;
    private final WebDriver driver;
    private final Path screenshots;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String conferenceId = "walk-" + suffix;
    private final String titleBg = "Форум за интеграция " + suffix;
    private final String titleEn = "Integration Forum " + suffix;
    private final String contact = "walk-contact-" + suffix + "@example.org";
    private final String cc = "walk-secretariat-" + suffix + "@example.org";
    private final Participant ivana = new Participant("Ивана", "Георгиева", "walk-ivana-" + suffix + "@example.org", "bg");
    private final Participant boris = new Participant("Boris", "Ivanov", "walk-boris-" + suffix + "@example.org", "en");
    private final Participant carmen = new Participant("Carmen", "Lopez", "walk-carmen-" + suffix + "@example.org", "en");
    private final Map<String, Duration> stepTimes = new LinkedHashMap<>();
    private int shot;

    private record Participant(String firstName, String lastName, String email, String language) {

        String name() {
            return firstName + " " + lastName;
        }
    }

    /** One row of the registration page's delivery log, as shown. */
    private record MailRow(String kind, String recipient, String status) {
    }

    OrganiserWalk(Stack stack, HeadlessChromium chromium, Path screenshots) throws IOException {
        this.stack = stack;
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.screenshots = screenshots;
        Files.createDirectories(screenshots);
        try (var old = Files.list(screenshots)) {
            for (Path file : old.toList()) {
                Files.delete(file); // a rerun's screenshots only
            }
        }
    }

    void walk() throws Exception {
        step("1 create the conference", this::createConference);
        Map<Participant, String> ids = step("2 registrations arrive, filter, export", this::registrationsArriveAndExport);
        step("3 resend a mail", () -> resendMail(ids.get(ivana)));
        step("4 cancel, the first waitlisted is promoted", () -> cancelAndPromote(ids.get(boris), ids.get(carmen)));
        step("5 write to all participants", this::writeToAllParticipants);
        step("6 organiser2 sees nothing of it", this::organiser2SeesNothing);
        System.out.println("Organiser walk " + conferenceId + ", seconds per step: " + stepTimes.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toMillis() / 1000.0).collect(Collectors.joining("; ")));
    }

    // 1. The organiser logs in and creates a conference in both languages: two seats, a contact and a cc.
    private Void createConference() {
        chromium.newVisit();
        driver.get(url("/organiser?lang=en"));
        chromium.waiting().until(ExpectedConditions.urlContains("/organiser/login"));
        logIn("organiser");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your conferences");
        page("conferences");

        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href='/organiser/conferences/new']")).click());
        int year = LocalDate.now().getYear() + 1;
        type("id", conferenceId);
        check("languages");
        check("languages-en");
        type("title-bg", titleBg);
        type("title-en", titleEn);
        type("venue-bg", "Столична библиотека");
        type("venue-en", "Sofia City Library");
        type("description-bg", "Два дни за интеграцията.\nВход свободен.");
        type("description-en", "Two days on integration.\nFree entry.");
        // A date input's keystrokes depend on the browser's locale: its value is set as a date picker would.
        setValue("startDate", year + "-06-10");
        setValue("endDate", year + "-06-11");
        type("city", "Sofia");
        new Select(driver.findElement(By.id("country"))).selectByValue("BG");
        type("capacity", "2");
        type("contact-name", "Мария Иванова");
        type("contact-email", contact);
        type("cc", cc);
        check("organiserNotifications");
        page("new-conference-filled");
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("form.conference-form button[type='submit']")).click());

        assertThat(driver.getCurrentUrl()).endsWith("/organiser/conferences/" + conferenceId);
        assertThat(driver.findElement(By.id("main")).getText()).contains("The conference is created.");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(titleEn);
        page("conference-created");
        driver.get(url("/organiser/conferences/" + conferenceId + "?lang=bg"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("the title in Bulgarian").isEqualTo(titleBg);
        page("conference-in-bulgarian");
        driver.get(url("/organiser?lang=en"));
        assertThat(driver.findElement(By.cssSelector("a[href='/organiser/conferences/" + conferenceId + "']")).getText())
                .isEqualTo(titleEn);
        return null;
    }

    // 2. Three participants register (one in Bulgarian; the third waits); the organiser sees them arrive, filters,
    // and downloads exactly the rows shown as XLSX.
    private Map<Participant, String> registrationsArriveAndExport() throws Exception {
        String table = "/organiser/conferences/" + conferenceId + "/registrations";
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href='/organiser/conferences/" + conferenceId
                + "']")).click());
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href='" + table + "']")).click());
        assertThat(driver.findElement(By.id("range")).getText()).isEqualTo("No registration matches.");
        page("registrations-empty");

        Map<Participant, String> ids = new LinkedHashMap<>();
        for (Participant participant : List.of(ivana, boris, carmen)) {
            ids.put(participant, register(participant));
        }
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            driver.navigate().refresh();
            assertThat(tableRows()).extracting(row -> row.get(0))
                    .containsExactlyInAnyOrder(ivana.name(), boris.name(), carmen.name());
        });
        assertThat(driver.findElements(By.cssSelector("#by-status div")).stream()
                .map(line -> line.findElement(By.tagName("dt")).getText() + " " + line.findElement(By.tagName("dd")).getText()))
                .contains("Confirmed 2", "On the waiting list 1");
        page("registrations-arrived");

        // The waiting list: Carmen only.
        new Select(driver.findElement(By.id("status"))).selectByValue("WAITLISTED");
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("form.table-filters button[type='submit']")).click());
        assertThat(driver.getCurrentUrl()).contains("status=WAITLISTED");
        assertThat(tableRows()).extracting(row -> row.get(0)).containsExactly(carmen.name());
        page("filtered-waitlisted");

        // A search with a status: the two confirmed of this walk; their workbook holds exactly these rows.
        driver.findElement(By.id("q")).sendKeys("walk-");
        new Select(driver.findElement(By.id("status"))).selectByValue("CONFIRMED");
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("form.table-filters button[type='submit']")).click());
        assertThat(driver.getCurrentUrl()).contains("q=walk-", "status=CONFIRMED");
        List<List<String>> shown = tableRows();
        assertThat(shown).extracting(row -> row.get(0)).containsExactlyInAnyOrder(ivana.name(), boris.name());
        assertThat(driver.findElement(By.id("range")).getText()).isEqualTo("Rows 1–2 of 2");
        page("filtered-confirmed-search");

        WebElement download = driver.findElement(By.id("download-xlsx"));
        assertThat(download.getText()).isEqualTo("All 2 rows as Excel (XLSX)");
        HttpResponse<byte[]> xlsx = http.send(withSession(HttpRequest.newBuilder(URI.create(download.getAttribute("href"))))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(XLSX));
        List<List<String>> sheet = sheet(xlsx.body());
        assertThat(sheet.get(0)).startsWith("id", "status", "registeredAt", "firstName", "lastName", "email");
        List<String> shownIds = driver.findElements(By.cssSelector("tbody th[scope='row'] a")).stream()
                .map(link -> link.getAttribute("href").replaceAll(".*/", "")).toList();
        assertThat(sheet.subList(1, sheet.size()))
                .as("the workbook's rows are the rows shown: id, status, name, e-mail")
                .extracting(row -> String.join("|", row.get(0), row.get(1), row.get(3) + " " + row.get(4), row.get(5)))
                .containsExactlyInAnyOrderElementsOf(shown.stream().map(row -> String.join("|",
                        shownIds.get(shown.indexOf(row)), "CONFIRMED", row.get(0), row.get(1))).toList());
        Files.write(screenshots.resolve(String.format("%02d-filtered-confirmed-search.xlsx", shot)), xlsx.body());
        return ids;
    }

    // 3. The organiser sends Ivana's mail again: it arrives as a mail of its own, and the delivery log lists both.
    private Void resendMail(String registrationId) {
        String subject = "Регистрацията е потвърдена: " + titleBg;
        List<ReceivedMail> first = await().atMost(PIPELINE_TIMEOUT).until(() -> mailbox(ivana.email()),
                mails -> !mails.isEmpty());
        assertThat(first).extracting(ReceivedMail::subject).containsExactly(subject);

        openRegistration(ivana);
        assertThat(driver.getCurrentUrl()).endsWith(registrationId);
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            driver.navigate().refresh();
            assertThat(mailRows()).contains(new MailRow("To the participant: confirmed", ivana.email(), "Sent"));
        });
        page("registration-ivana");
        chromium.nextPageAfter(() -> driver.findElement(By.id("resend-mail")).click());
        assertThat(driver.getCurrentUrl()).endsWith(registrationId + "/resend-mail");
        page("resend-mail-confirmation");
        chromium.nextPageAfter(() -> driver.findElement(By.id("confirm")).click());
        assertThat(driver.findElement(By.id("notice")).getText())
                .isEqualTo("The mail is on its way; the delivery log below shows it once it is sent.");

        List<ReceivedMail> both = await().atMost(PIPELINE_TIMEOUT).until(() -> mailbox(ivana.email()),
                mails -> mails.size() >= 2);
        assertThat(both).extracting(ReceivedMail::subject).containsExactly(subject, subject);
        assertThat(both.get(1).messageId()).as("the resent mail is a mail of its own").isNotEqualTo(both.get(0).messageId());
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            driver.navigate().refresh();
            assertThat(mailRows()).filteredOn(row -> row.recipient().equals(ivana.email()))
                    .as("both deliveries, each once").containsExactly(
                            new MailRow("To the participant: confirmed", ivana.email(), "Sent"),
                            new MailRow("To the participant: confirmed", ivana.email(), "Sent"));
        });
        assertThat(mailRows()).filteredOn(row -> !row.recipient().equals(ivana.email()))
                .extracting(MailRow::kind).as("and the organisers' one mail").containsExactly("To the organisers: new registration");
        assertThat(driver.findElement(By.id("history")).getText()).as("who resent it").contains("Organiser organiser");
        page("registration-ivana-mail-resent");
        assertNothingMoreArrives(ivana.email(), 2);
        return null;
    }

    // 4. The organiser cancels Boris's seat on his behalf: Carmen, first on the waiting list, gets it and is mailed.
    private Void cancelAndPromote(String borisId, String carmenId) {
        openRegistration(boris);
        page("registration-boris");
        chromium.nextPageAfter(() -> driver.findElement(By.id("cancel")).click());
        assertThat(driver.getCurrentUrl()).endsWith(borisId + "/cancel");
        page("cancel-confirmation");
        chromium.nextPageAfter(() -> driver.findElement(By.id("confirm")).click());
        assertThat(driver.findElement(By.id("notice")).getText())
                .isEqualTo("The registration is cancelled and the participant is being mailed.");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Cancelled");
        page("registration-boris-cancelled");

        ReceivedMail promoted = await().atMost(PIPELINE_TIMEOUT).until(() -> mailbox(carmen.email()),
                mails -> mails.size() >= 2).get(1);
        assertThat(mailbox(carmen.email())).extracting(ReceivedMail::subject)
                .containsExactly("You are on the waiting list: " + titleEn, "A seat is yours: " + titleEn);
        assertThat(promoted.to()).containsExactly(carmen.email());
        assertThat(await().atMost(PIPELINE_TIMEOUT).until(() -> mailbox(boris.email()), mails -> mails.size() >= 2))
                .extracting(ReceivedMail::subject)
                .containsExactly("Registration confirmed: " + titleEn, "Registration cancelled: " + titleEn);

        openRegistration(carmen);
        assertThat(driver.getCurrentUrl()).endsWith(carmenId);
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Confirmed");
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            driver.navigate().refresh();
            assertThat(mailRows()).contains(new MailRow("To the participant: promoted", carmen.email(), "Sent"));
        });
        page("registration-carmen-promoted");
        assertNothingMoreArrives(carmen.email(), 2);
        return null;
    }

    // 5. A message to all participants, in both languages, previewed then sent: each active participant gets it once,
    // in their language; Boris, cancelled, gets nothing.
    private Void writeToAllParticipants() {
        driver.get(url("/organiser/conferences/" + conferenceId));
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href='/organiser/conferences/" + conferenceId
                + "/messages']")).click());
        page("messages-none");
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("a[href='/organiser/conferences/" + conferenceId
                + "/messages/new']")).click());
        check("audience");
        type("subject-bg", "Програмата");
        type("body-bg", "Уважаеми участници,\nпрограмата е готова.");
        type("subject-en", "The programme");
        type("body-en", "Dear participants,\nthe programme is ready.");
        page("message-form");
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("form.conference-form button[type='submit']")).click());
        assertThat(driver.findElement(By.id("recipients")).getText()).startsWith("It goes to 2 participant(s)");
        assertThat(driver.findElement(By.id("main")).getText()).contains("Програмата", "The programme");
        page("message-preview");
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector(".actions button")).click());
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("The message is sent to 2 participant(s).");
        assertThat(driver.findElement(By.cssSelector("tbody")).getText()).contains("organiser", "The programme");
        page("messages-sent");

        awaitMessage(ivana.email(), titleBg + ": Програмата", 3);
        awaitMessage(carmen.email(), titleEn + ": The programme", 3);
        assertNothingMoreArrives(ivana.email(), 3);
        assertNothingMoreArrives(carmen.email(), 3);
        assertThat(mailbox(boris.email())).as("the cancelled participant is not written to").hasSize(2);

        openRegistration(ivana);
        await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
            driver.navigate().refresh();
            assertThat(mailRows()).filteredOn(row -> row.recipient().equals(ivana.email())).containsExactlyInAnyOrder(
                    new MailRow("To the participant: confirmed", ivana.email(), "Sent"),
                    new MailRow("To the participant: confirmed", ivana.email(), "Sent"),
                    new MailRow("To the participant: a message from the organisers", ivana.email(), "Sent"));
        });
        page("registration-ivana-messaged");
        return null;
    }

    // 6. Another organiser, of another team, sees nothing of the conference: not listed, 404 by page, 403/404 by API.
    private Void organiser2SeesNothing() throws Exception {
        chromium.newVisit();
        driver.get(url("/organiser?lang=en"));
        chromium.waiting().until(ExpectedConditions.urlContains("/organiser/login"));
        logIn("organiser2");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your conferences");
        assertThat(driver.findElements(By.cssSelector("a[href^='/organiser/conferences/" + conferenceId + "']"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(conferenceId, titleEn);
        page("organiser2-conferences");
        for (String path : List.of("/organiser/conferences/" + conferenceId,
                "/organiser/conferences/" + conferenceId + "/registrations")) {
            driver.get(url(path));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
            assertThat(driver.getPageSource()).doesNotContain(titleEn, ivana.email());
            HttpResponse<String> asBrowser = http.send(withSession(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Accept", "text/html")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(asBrowser.statusCode()).as(path).isIn(403, 404);
            page(path.endsWith("/registrations") ? "organiser2-registrations-not-found" : "organiser2-conference-not-found");
        }
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/api/conferences/" + conferenceId
                + "/registrations"))).header("Accept", "application/json").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("organiser2:organiser2".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isIn(403, 404);
        assertThat(api.body()).doesNotContain(ivana.email(), boris.email(), carmen.email());
        return null;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T step(String name, Step<T> step) throws Exception {
        long start = System.nanoTime();
        try {
            T result = step.run();
            stepTimes.put(name, Duration.ofNanos(System.nanoTime() - start));
            return result;
        } catch (Exception | AssertionError e) {
            // What the browser showed when the step failed, to read beside the report.
            screenshot(screenshots.resolve("failed-at-step-" + name.charAt(0) + ".png"));
            Files.writeString(screenshots.resolve("failed-at-step-" + name.charAt(0) + ".html"), driver.getPageSource());
            throw e;
        }
    }

    private void logIn(String username) {
        page("login-" + username);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(username);
        chromium.nextPageAfter(() -> driver.findElement(By.cssSelector("form.login-form button[type='submit']")).click());
    }

    private void openRegistration(Participant participant) {
        // the table's page, fully loaded: a find right after get() once read the page before it, which has no table
        chromium.nextPageAfter(() -> driver.get(url("/organiser/conferences/" + conferenceId
                + "/registrations?lang=en")));
        WebElement link;
        try {
            link = chromium.waiting().until(d -> d.findElements(By.cssSelector("tbody th[scope='row'] a")).stream()
                    // the link's own text, not its rendering: a table wider than the window gave an empty getText()
                    .filter(a -> participant.name().equals(String.valueOf(a.getDomProperty("textContent")).strip()))
                    .findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no link to " + participant.name() + " on " + driver.getCurrentUrl(), e);
        }
        chromium.nextPageAfter(link::click);
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(participant.name());
    }

    /** The participant registers with the public API, each from an address of their own (as behind a proxy). */
    private String register(Participant participant) throws Exception {
        String body = """
                {"firstName": "%s", "lastName": "%s", "email": "%s", "organisation": "Walk NGO %s",
                 "stakeholderType": "CIVIL_SOCIETY", "country": "BG", "language": "%s",
                 "consents": {"dataProcessing": true, "listInDirectory": false, "joinExpertsNetwork": false}}
                """.formatted(participant.firstName(), participant.lastName(), participant.email(), suffix,
                participant.language());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/conferences/"
                        + conferenceId + "/registrations")))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.20.0." + (1 + CLIENTS.incrementAndGet() % 250))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private List<List<String>> tableRows() {
        return driver.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private List<MailRow> mailRows() {
        return driver.findElements(By.cssSelector("#mails tbody tr")).stream().map(row -> {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            return new MailRow(cells.get(0), cells.get(1), cells.get(3));
        }).toList();
    }

    private static List<List<String>> sheet(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < row.getCellCount(); column++) {
                    cells.add(row.getCell(column) == null ? "" : row.getCell(column).getText());
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private List<ReceivedMail> mailbox(String address) {
        return ImapMailbox.read("127.0.0.1", stack.mail().imapPort(), address);
    }

    private void awaitMessage(String address, String subject, int mails) {
        List<ReceivedMail> received = await().atMost(PIPELINE_TIMEOUT).until(() -> mailbox(address),
                box -> box.size() >= mails);
        assertThat(received).filteredOn(mail -> mail.subject().equals(subject)).as(address).hasSize(1);
    }

    /** Each mail went out once: the mailbox stays as it is for a few seconds more. */
    private void assertNothingMoreArrives(String address, int mails) {
        await().during(Duration.ofSeconds(3)).atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> mailbox(address).size() == mails);
    }

    /** The request with the browser's session, as the browser sends it when the link is followed. */
    private HttpRequest.Builder withSession(HttpRequest.Builder request) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return request.header("Cookie", cookies);
    }

    /** axe-core finds nothing on the page, which is saved as the walk's next screenshot. */
    private void page(String name) {
        shot++;
        screenshot(screenshots.resolve(String.format("%02d-%s.png", shot, name)));
        assertThat(Axe.run(driver)).as("axe-core on %s <%s>", name, driver.getCurrentUrl()).isEmpty();
    }

    /** The whole page, not only the window: Chromium's own capture, sized to the page's layout. */
    @SuppressWarnings("unchecked")
    private void screenshot(Path file) {
        byte[] png;
        if (driver instanceof ChromeDriver chrome) {
            Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                    "scale", 1);
            Map<String, Object> capture = chrome.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            png = Base64.getDecoder().decode((String) capture.get("data"));
        } else {
            png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        }
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return stack.baseUrl(App.REGISTRATION) + path;
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void check(String id) {
        WebElement input = driver.findElement(By.id(id));
        if (!input.isSelected()) {
            input.click();
        }
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }
}
