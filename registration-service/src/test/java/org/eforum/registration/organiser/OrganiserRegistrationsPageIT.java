package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eforum.registration.page.Browser.attribute;
import static org.eforum.registration.page.Browser.tag;
import static org.eforum.registration.page.Browser.textOf;
import static org.eforum.registration.page.Browser.unescape;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.eforum.registration.IntegrationSupport;
import org.eforum.registration.page.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An organiser works with one conference's registrations in the browser (no JavaScript): searches, filters, sorts,
 * pages, sees the counts and downloads exactly the rows of the search as CSV and XLSX. Sixty registrations made
 * through the API: two of them special (a Cyrillic name; an organisation that looks like a formula), 50 confirmed,
 * 9 on the waiting list and 1 cancelled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganiserRegistrationsPageIT extends IntegrationSupport {

    private static final Pattern ROW_NAME = Pattern.compile("<th scope=\"row\"><a href=\"[^\"]*\">([^<]*)</a></th>");
    private static final int GUESTS = 57;

    private String conference;
    private String table;

    @BeforeAll
    void sixtyRegistrations() {
        conference = createConference("reg-table", 50);
        table = "/organiser/conferences/" + conference + "/registrations";
        registerOrFail(person("Иван", "Петров", "ivan.petrov@mlsp.example.bg", "Министерство на труда",
                "GOVERNMENT_INSTITUTION", "BG", true, true));
        registerOrFail(person("Ana", "Formula", "ana.formula@uni.example.de", "=1+1", "ACADEMIA", "DE", false, true));
        for (int i = 1; i <= GUESTS; i++) {
            boolean even = i % 2 == 0;
            registerOrFail(person("Guest", "Guest-%02d".formatted(i), "guest%02d@example.org".formatted(i),
                    "Organisation " + (i % 3), even ? "CIVIL_SOCIETY" : "MEDIA", even ? "BG" : "RO", even, false));
        }
        HttpResponse<String> last = registerOrFail(person("Last", "Comer", "last.comer@example.org", "Late Ltd", "OTHER", "BG", false,
                false));
        String token = tokenOf(json(last).at("/selfServiceUrl").asString());
        String id = json(last).at("/id").asString();
        assertThat(postJson("/api/registrations/" + id + "/cancel?token=" + token, "", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theConferencePageLinksToItsRegistrations() {
        String overview = loggedIn("en").get("/organiser/conferences/" + conference).body();

        assertThat(tag(overview, "a", "href", table)).isPresent();
    }

    @Test
    void theTableShowsEachRegistrationWithItsColumnsInThePagesLanguage() {
        HttpResponse<String> page = loggedIn("bg").get(table + "?q=" + encode("иван"));

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(textOf(html, "registrations-caption")).hasValue("Регистрации, които отговарят, редове 1–1 от 1");
        assertThat(tag(html, "div", "class", "table-scroll")).hasValueSatisfying(region -> {
            assertThat(attribute(region, "tabindex")).hasValue("0");
            assertThat(attribute(region, "aria-labelledby")).hasValue("registrations-caption");
        });
        assertThat(html).containsPattern("<th scope=\"row\"><a href=\"/organiser/conferences/" + conference
                + "/registrations/[0-9a-f-]{36}\">Иван Петров</a></th>");
        assertThat(html).contains( "<td>ivan.petrov@mlsp.example.bg</td>",
                "<td>Министерство на труда</td>", "<td>Държавна институция</td>", "<td>България</td>",
                "<td>Потвърдена</td>", "<td>Да</td>");
        assertThat(html).containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[.\\d]*\\+0[23]:00\">");
        for (String input : List.of("q", "status", "stakeholderType", "country", "listed", "expert", "size")) {
            assertThat(tag(html, "label", "for", input)).as("label of %s", input).isPresent();
        }
        assertThat(tag(html, "form", "method", "get")).hasValueSatisfying(
                form -> assertThat(attribute(form, "action")).hasValue(table));
    }

    @Test
    void eachQuestionAskedNowIsAColumnHeadedByItsLabelWithTheAnswersInThePagesLanguage() {
        String asking = createConferenceAsking("reg-table-questions", 5, """
                {"questions": [
                  {"id": "interpretation", "kind": "ONE_OF", "required": true,
                   "label": {"bg": "Превод", "en": "Interpretation"},
                   "options": [{"id": "none", "label": {"bg": "Не", "en": "None"}},
                               {"id": "into-en", "label": {"bg": "На английски", "en": "Into English"}}]},
                  {"id": "wheelchair", "kind": "YES_NO", "label": {"bg": "Достъп с количка", "en": "Wheelchair access"}},
                  {"id": "diet", "kind": "SHORT_TEXT", "label": {"bg": "Хранене", "en": "Diet"}}
                ]}""");
        String answered = registrationJson("Mila", "Answers", "mila.answers@example.org");
        answered = answered.substring(0, answered.lastIndexOf('}'))
                + ", \"answers\": {\"interpretation\": \"into-en\", \"wheelchair\": true}}";
        assertThat(register(asking, answered).statusCode()).isEqualTo(201);
        String path = "/organiser/conferences/" + asking + "/registrations";

        String bg = loggedIn("bg").get(path).body();
        String en = loggedIn("en").get(path).body();

        assertThat(bg).contains("<th scope=\"col\" id=\"col-question-interpretation\">Превод</th>",
                "<th scope=\"col\" id=\"col-question-wheelchair\">Достъп с количка</th>",
                "<th scope=\"col\" id=\"col-question-diet\">Хранене</th>");
        assertThat(bg).as("the answers in the questions' order, the unanswered one empty")
                .contains("<td class=\"notes\">На английски</td>\n                <td class=\"notes\">Да</td>\n"
                        + "                <td class=\"notes\"></td>");
        assertThat(en).contains("<th scope=\"col\" id=\"col-question-wheelchair\">Wheelchair access</th>",
                "<td class=\"notes\">Into English</td>", "<td class=\"notes\">Yes</td>");
        assertThat(loggedIn("en").get(table).body()).as("a conference that asks nothing has no such column")
                .doesNotContain("col-question-");
    }

    @Test
    void theSearchFindsACyrillicNameInAnyCaseAndAPartOfAnEmailAddress() {
        Browser browser = loggedIn("en");

        assertThat(names(browser.get(table + "?q=" + encode("ПЕТРОВ")).body())).containsExactly("Иван Петров");
        assertThat(names(browser.get(table + "?q=" + encode("иван петров")).body())).containsExactly("Иван Петров");
        assertThat(names(browser.get(table + "?q=formula%40uni").body())).containsExactly("Ana Formula");
        assertThat(names(browser.get(table + "?q=" + encode("министерство")).body())).containsExactly("Иван Петров");
        assertThat(names(browser.get(table + "?q=" + encode("guest0")).body())).hasSize(9);
        HttpResponse<String> none = browser.get(table + "?q=" + encode("(.*)"));
        assertThat(textOf(none.body(), "range")).as("the words are text, not a pattern").hasValue("No registration matches.");
        assertThat(attribute(tag(none.body(), "input", "name", "q").orElseThrow(), "value")).hasValue("(.*)");
    }

    @Test
    void eachFilterNarrowsTheRows() {
        Browser browser = loggedIn("en");

        assertThat(range(browser, "?status=WAITLISTED")).isEqualTo("Rows 1–9 of 9");
        assertThat(names(browser.get(table + "?status=CANCELLED").body())).containsExactly("Last Comer");
        assertThat(names(browser.get(table + "?stakeholderType=ACADEMIA").body())).containsExactly("Ana Formula");
        assertThat(names(browser.get(table + "?country=DE").body())).containsExactly("Ana Formula");
        assertThat(names(browser.get(table + "?expert=true").body())).containsExactlyInAnyOrder("Иван Петров", "Ana Formula");
        assertThat(range(browser, "?listed=true")).as("Иван and the 28 even guests").isEqualTo("Rows 1–29 of 29");
        assertThat(range(browser, "?listed=false&country=RO&stakeholderType=MEDIA")).isEqualTo("Rows 1–29 of 29");
        assertThat(range(browser, "?listed=false&country=BG")).as("only Last Comer").isEqualTo("Rows 1–1 of 1");
        String filtered = browser.get(table + "?status=WAITLISTED&country=RO").body();
        assertThat(attribute(tag(filtered, "option", "value", "WAITLISTED").orElseThrow(), "selected")).isPresent();
        assertThat(filtered).contains("<option value=\"RO\" selected=\"selected\">");
    }

    @Test
    void theHeadersSortBothWaysAndSayHow() {
        Browser browser = loggedIn("en");

        String arrival = browser.get(table).body();
        assertThat(names(arrival).get(0)).as("in the order they came").isEqualTo("Иван Петров");
        assertThat(attribute(tag(arrival, "th", "id", "col-registeredAt").orElseThrow(), "aria-sort")).hasValue("ascending");
        assertThat(attribute(tag(arrival, "th", "id", "col-name").orElseThrow(), "aria-sort")).isEmpty();
        String sortByName = unescape(attribute(tag(arrival, "a", "href", table + "?sort=name").orElseThrow(), "href")
                .orElseThrow());

        String byName = browser.get(sortByName).body();
        assertThat(names(byName).subList(0, 3)).as("by family name").containsExactly("Last Comer", "Ana Formula",
                "Guest Guest-01");
        assertThat(attribute(tag(byName, "th", "id", "col-name").orElseThrow(), "aria-sort")).hasValue("ascending");
        assertThat(tag(byName, "a", "href", table + "?sort=name&amp;dir=desc")).as("the header reverses the order")
                .isPresent();
        assertThat(byName).contains("sorted ascending, select to sort descending");

        String reversed = browser.get(table + "?sort=name&dir=desc").body();
        assertThat(names(reversed).get(0)).isEqualTo("Иван Петров");
        assertThat(attribute(tag(reversed, "th", "id", "col-name").orElseThrow(), "aria-sort")).hasValue("descending");
        assertThat(names(browser.get(table + "?dir=desc").body()).get(0)).isEqualTo("Last Comer");
        assertThat(names(browser.get(table + "?sort=organisation").body()).get(0)).isEqualTo("Ana Formula");
        assertThat(names(browser.get(table + "?sort=status").body()).get(0)).as("CANCELLED first").isEqualTo("Last Comer");
        assertThat(names(browser.get(table + "?sort=status&dir=desc").body()).get(0)).as("WAITLISTED first, oldest last")
                .isEqualTo("Guest Guest-57");
    }

    @Test
    void pagesOfFiftyWithPreviousAndNextLinksAndTheStateInTheAddress() {
        Browser browser = loggedIn("en");

        String first = browser.get(table + "?sort=name").body();
        assertThat(textOf(first, "range")).hasValue("Rows 1–50 of 60");
        assertThat(names(first)).hasSize(50);
        assertThat(textOf(first, "previous-page")).isEmpty();
        String next = unescape(attribute(tag(first, "a", "id", "next-page").orElseThrow(), "href").orElseThrow());
        assertThat(next).isEqualTo(table + "?sort=name&page=2");

        String second = browser.get(next).body();
        assertThat(textOf(second, "range")).hasValue("Rows 51–60 of 60");
        assertThat(names(second)).hasSize(10).doesNotContainAnyElementsOf(names(first));
        assertThat(unescape(attribute(tag(second, "a", "id", "previous-page").orElseThrow(), "href").orElseThrow()))
                .isEqualTo(table + "?sort=name");
        assertThat(textOf(second, "next-page")).isEmpty();

        String small = browser.get(table + "?size=25&page=2&status=CONFIRMED").body();
        assertThat(textOf(small, "range")).hasValue("Rows 26–50 of 50");
        assertThat(unescape(attribute(tag(small, "a", "id", "previous-page").orElseThrow(), "href").orElseThrow()))
                .as("the filters and the size kept").isEqualTo(table + "?status=CONFIRMED&size=25");
        assertThat(attribute(tag(small, "option", "value", "25").orElseThrow(), "selected")).isPresent();
        String pastTheEnd = browser.get(table + "?size=25&page=3&status=CONFIRMED").body();
        assertThat(textOf(pastTheEnd, "range")).hasValue("This page is past the end of the list: it has 50 rows.");
        assertThat(unescape(attribute(tag(pastTheEnd, "a", "id", "previous-page").orElseThrow(), "href").orElseThrow()))
                .isEqualTo(table + "?status=CONFIRMED&size=25&page=2");
    }

    @Test
    void aBadParameterIsAClearProblemAndShowsNoRows() {
        Browser browser = loggedIn("en");

        for (String bad : List.of("?size=201", "?size=0", "?page=0", "?page=x", "?status=PAID", "?sort=email",
                "?dir=up", "?country=XX", "?listed=maybe")) {
            HttpResponse<String> page = browser.get(table + bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type")).as(bad).hasValue("application/problem+json");
            assertThat(page.body()).as(bad).doesNotContain("guest01@example.org");
        }
        assertThat(browser.get(table + "?size=200").statusCode()).isEqualTo(200);
        assertThat(browser.get("/organiser/conferences/no-such-conference/registrations").statusCode()).isEqualTo(404);
    }

    @Test
    void theCountsAreOfTheWholeConferenceWhateverTheSearch() {
        String html = loggedIn("en").get(table + "?q=" + encode("иван")).body();

        assertThat(textOf(html, "by-status")).hasValueSatisfying(counts -> assertThat(counts)
                .contains("Confirmed 50", "On the waiting list 9", "Cancelled 1"));
        assertThat(textOf(html, "by-type")).hasValueSatisfying(counts -> assertThat(counts)
                .contains("Government institution 1", "Academia and research 1", "Civil society organisation 28",
                        "Media 29", "Other 1", "Local authority 0"));
    }

    @Test
    void theCsvHasExactlyTheRowsOfTheSearchOnAllPagesAndAFormulaStaysText() {
        Browser browser = loggedIn("en");
        String page = browser.get(table + "?listed=false&sort=name&size=25").body();
        String link = unescape(attribute(tag(page, "a", "id", "download-csv").orElseThrow(), "href").orElseThrow());
        assertThat(link).as("every page of the search, in its order").isEqualTo(table + ".csv?listed=false&sort=name");

        HttpResponse<byte[]> csv = browser.download(link);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + conference + "-registrations.csv\"");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(1 + 31);
        assertThat(lines.get(0)).startsWith("\uFEFF\"id\",\"status\"");
        assertThat(lines.get(1)).contains("\"Last\",\"Comer\"", "\"CANCELLED\"");
        assertThat(lines.get(2)).contains("\"ana.formula@uni.example.de\"", "\"'=1+1\"");
        assertThat(lines.subList(3, 32)).allSatisfy(line -> assertThat(line).contains("\"MEDIA\"", "\"RO\""));
        assertThat(text).doesNotContain("ivan.petrov", "guest02@");
    }

    @Test
    void theXlsxHasTheSameRowsAsTheCsvAsTextCells() throws IOException {
        Browser browser = loggedIn("bg");
        String query = "?expert=true&sort=name&dir=desc";
        HttpResponse<byte[]> xlsx = browser.download(table + ".xlsx" + query);

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + conference + "-registrations.xlsx\"");
        List<List<String>> sheet = rows(xlsx.body());
        List<List<String>> csv = csvRows(new String(browser.download(table + ".csv" + query).body(), StandardCharsets.UTF_8));
        assertThat(sheet).hasSize(3);
        assertThat(sheet.get(0)).isEqualTo(csv.get(0));
        assertThat(sheet.get(1)).contains("Иван", "Петров", "ivan.petrov@mlsp.example.bg", "Министерство на труда");
        assertThat(sheet.get(2)).contains("Ana", "ana.formula@uni.example.de", "=1+1");
        for (int row = 1; row < 3; row++) {
            List<String> expected = new ArrayList<>(csv.get(row));
            expected.replaceAll(value -> value.startsWith("'=") ? value.substring(1) : value);
            assertThat(sheet.get(row)).as("row %d as in the CSV, without the CSV's quote", row).isEqualTo(expected);
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row ana = workbook.getFirstSheet().read().get(2);
            Cell organisation = ana.getCell(6);
            assertThat(organisation.getType()).as("a text cell, not a formula").isEqualTo(CellType.STRING);
            assertThat(organisation.getFormula()).isNull();
            assertThat(organisation.getText()).isEqualTo("=1+1");
        }
    }

    @Test
    void theApiGivesTheWholeListAsAWorkbook() throws IOException {
        HttpResponse<byte[]> xlsx = send(java.net.http.HttpRequest.newBuilder(url("/api/conferences/" + conference
                        + "/registrations")).header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Authorization", ORGANISER).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + conference + "-registrations.xlsx\"");
        List<List<String>> sheet = rows(xlsx.body());
        assertThat(sheet).hasSize(61);
        assertThat(sheet.get(0)).startsWith("id", "status", "registeredAt", "firstName", "lastName", "email");
        assertThat(sheet.get(1)).contains("CONFIRMED", "Иван", "Петров");
        assertThat(sheet.get(2)).contains("=1+1");
        assertThat(sheet.get(60)).contains("CANCELLED", "last.comer@example.org");
    }

    @Test
    void onlyAnOrganiserSeesTheRegistrations() {
        Browser anonymous = new Browser(port, "en");
        for (String path : List.of(table, table + ".csv", table + ".xlsx")) {
            HttpResponse<String> login = anonymous.get(path);
            assertThat(login.uri().getPath()).as(path).isEqualTo("/organiser/login");
            assertThat(login.body()).as(path).doesNotContain("guest01@example.org");
        }
        Browser operator = new Browser(port, "en");
        operator.fillInAndSubmit("/organiser/login", java.util.Map.of("username", "operator", "password", "operator"));
        for (String path : List.of(table, table + ".csv", table + ".xlsx")) {
            HttpResponse<byte[]> refused = operator.download(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("guest01@example.org");
        }
    }

    @Test
    void anOrganiserOutsideTheConferencesTeamFindsNoSuchPage() {
        String outsider = "table-" + newConferenceId("x").substring(2);
        createOrganiserAccount(outsider, "an outsider's password");
        Browser browser = new Browser(port, "en");
        browser.fillInAndSubmit("/organiser/login", java.util.Map.of("username", outsider, "password", "an outsider's password"));
        for (String path : List.of(table, table + ".csv", table + ".xlsx")) {
            HttpResponse<byte[]> refused = browser.download(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("guest01@example.org");
        }
    }

    private HttpResponse<String> registerOrFail(String body) {
        HttpResponse<String> response = register(conference, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private String range(Browser browser, String query) {
        return textOf(browser.get(table + query).body(), "range").orElseThrow();
    }

    private Browser loggedIn(String language) {
        return Browser.loggedInOrganiser(port, "organiser", "organiser", language);
    }

    private <T> HttpResponse<T> send(java.net.http.HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        Matcher row = ROW_NAME.matcher(html);
        while (row.find()) {
            names.add(unescape(row.group(1)));
        }
        return names;
    }

    /** Every row of the workbook's first sheet, each cell as its text (TRUE/FALSE as true/false, as the CSV has them). */
    private static List<List<String>> rows(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < 14; column++) {
                    Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
                    cells.add(cell == null ? "" : cell.getType() == CellType.BOOLEAN
                            ? String.valueOf(cell.asBoolean()) : cell.getText());
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    /** The CSV's rows: every field is quoted, so splitting on "," between quotes is enough for these values. */
    private static List<List<String>> csvRows(String csv) {
        return csv.replace("\uFEFF", "").lines().filter(line -> !line.isEmpty())
                .map(line -> List.of(line.substring(1, line.length() - 1).split("\",\"", -1)))
                .toList();
    }

    private static String person(String firstName, String lastName, String email, String organisation,
            String stakeholderType, String country, boolean listed, boolean expert) {
        return """
                {"firstName": "%s", "lastName": "%s", "email": "%s", "organisation": "%s",
                 "stakeholderType": "%s", "country": "%s", "position": "", "language": "en",
                 "consents": {"dataProcessing": true, "listInDirectory": %s, "joinExpertsNetwork": %s}, "notes": ""}
                """.formatted(firstName, lastName, email, organisation, stakeholderType, country, listed, expert);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
