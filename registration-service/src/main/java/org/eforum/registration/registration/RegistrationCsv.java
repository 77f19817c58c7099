package org.eforum.registration.registration;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The organisers' list as RFC 4180 CSV: CRLF line ends, every field quoted, quotes doubled. The caller sends it
 * as UTF-8 with a byte-order mark so that Excel shows Cyrillic names correctly.
 */
public final class RegistrationCsv {

    static final String BOM = "\uFEFF";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** The registration's own columns, in order, before the questions' ({@link ExportColumns}); XLSX has the same. */
    static final List<String> HEADER = List.of("id", "status", "registeredAt", "firstName", "lastName", "email",
            "organisation", "stakeholderType", "country", "position", "language", "listInDirectory",
            "joinExpertsNetwork", "notes");

    private RegistrationCsv() {
    }

    static String of(ExportColumns columns, List<RegistrationView> registrations) {
        StringWriter csv = new StringWriter();
        write(columns, registrations.stream(), csv);
        return csv.toString();
    }

    /** Writes the byte-order mark, the header and a line per registration as they come (an export of any size). */
    public static void write(ExportColumns columns, Stream<RegistrationView> registrations, Writer out) {
        try {
            out.write(BOM);
            out.write(line(columns.header().stream()));
            for (RegistrationView r : (Iterable<RegistrationView>) registrations::iterator) {
                out.write(line(columns.values(r).stream()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registration's values in the order of {@link #HEADER}. */
    static List<Object> values(RegistrationView r) {
        return java.util.Arrays.asList(r.id(), r.status(), r.registeredAt(), r.firstName(), r.lastName(), r.email(),
                r.organisation(), r.stakeholderType(), r.country(), r.position(), r.language(),
                r.consents().listInDirectory(), r.consents().joinExpertsNetwork(), r.notes());
    }

    private static String line(Stream<?> fields) {
        return fields.map(RegistrationCsv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        // A leading =, +, -, @, TAB or CR would make a spreadsheet evaluate a participant's text as a formula
        // (OWASP CSV injection); the quote makes it text.
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
