package org.eforum.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.RegistrationStatus;
import org.eforum.contracts.event.StakeholderType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a spreadsheet opening the export would evaluate: nothing a participant typed (OWASP CSV injection). */
class RegistrationCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"})
    void aFormulaStartIsQuotedSoTheSpreadsheetShowsItAsText(String notes) {
        String csv = RegistrationCsv.of(ExportColumns.withoutQuestions(), List.of(registration(notes)));

        String row = csv.split("\r\n", 2)[1];
        assertThat(row).endsWith(",\"'" + notes + "\"\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vegetarian", "1+1", " =1"})
    void otherTextIsLeftAsTyped(String notes) {
        String csv = RegistrationCsv.of(ExportColumns.withoutQuestions(), List.of(registration(notes)));

        assertThat(csv).endsWith(",\"" + notes + "\"\r\n");
    }

    private static RegistrationView registration(String notes) {
        return new RegistrationView("r-1", "forum", RegistrationStatus.CONFIRMED, "Ana", "Petrova", "ana@example.org",
                "Institute", StakeholderType.ACADEMIA, "BG", null, "en", new Consents(true, false, false), notes,
                Instant.parse("2027-01-01T10:00:00Z"), null, java.util.Map.of());
    }
}
