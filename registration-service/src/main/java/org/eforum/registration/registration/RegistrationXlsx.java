package org.eforum.registration.registration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.MediaType;

/**
 * The organisers' list as an Excel workbook with the CSV's columns ({@link ExportColumns}). Every value is a string
 * cell (yes/no boolean cells, a number answer a number cell), never a formula, so a participant's "=…" stays text and
 * needs none of the CSV's quoting.
 */
public final class RegistrationXlsx {

    public static final MediaType MEDIA_TYPE =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final int ROWS_PER_FLUSH = 1_000;

    private RegistrationXlsx() {
    }

    /** Streams the workbook: rows are written out in batches, so an export of any size holds few of them at once. */
    public static void write(ExportColumns columns, Stream<RegistrationView> registrations, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "E-Forum", "1.0");
            Worksheet sheet = workbook.newWorksheet("Registrations");
            List<String> header = columns.header();
            for (int column = 0; column < header.size(); column++) {
                sheet.value(0, column, header.get(column));
            }
            sheet.range(0, 0, 0, header.size() - 1).style().bold().set();
            int row = 1;
            for (RegistrationView registration : (Iterable<RegistrationView>) registrations::iterator) {
                List<Object> values = columns.values(registration);
                for (int column = 0; column < values.size(); column++) {
                    Object value = values.get(column);
                    if (value instanceof Boolean yes) {
                        sheet.value(row, column, yes);
                    } else if (value instanceof Number number) {
                        sheet.value(row, column, number);
                    } else if (value != null) {
                        sheet.value(row, column, value.toString());
                    }
                }
                if (row++ % ROWS_PER_FLUSH == 0) {
                    sheet.flush();
                }
            }
            sheet.finish();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
