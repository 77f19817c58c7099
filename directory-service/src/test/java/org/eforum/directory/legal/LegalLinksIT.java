package org.eforum.directory.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eforum.directory.AbstractDirectoryIT;
import org.junit.jupiter.api.Test;

/** Every directory page, its 404 included, links the organiser's privacy notice and accessibility statement. */
class LegalLinksIT extends AbstractDirectoryIT {

    @Test
    void everyPageFooterLinksThePrivacyNoticeAndTheAccessibilityStatement() {
        for (String path : List.of("/directory", "/directory?lang=bg", "/directory/experts",
                "/directory/organisations/nobody-here")) {
            Response page = get(path);
            String footer = page.body().substring(page.body().indexOf("<footer"));

            assertThat(footer).as(path).contains("href=\"http://localhost:8081/privacy\"",
                    "href=\"http://localhost:8081/accessibility\"");
        }
        assertThat(get("/directory?lang=bg").body()).contains("Уведомление за поверителност",
                "Декларация за достъпност");
    }
}
