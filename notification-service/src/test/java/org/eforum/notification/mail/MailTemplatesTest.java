package org.eforum.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every kind renders in both languages, with every text found in the bundles. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void everyKindRendersInBothLanguagesWithoutMissingTexts() {
        for (MailLanguage language : MailLanguage.values()) {
            for (MailKind kind : MailKind.values()) {
                if (kind == MailKind.ORGANISER_DIGEST || kind == MailKind.ORGANISER_INVITATION) {
                    continue; // their own templates: see the tests below
                }
                String template = kind == MailKind.PARTICIPANT_MESSAGE ? "message"
                        : kind == MailKind.PARTICIPANT_CONFIRM_NEW_EMAIL ? "email-change"
                        : kind.audience() == MailKind.Audience.PARTICIPANT ? "participant" : "organiser";
                MailTemplates.Bodies bodies = templates.render(template, language, variables(kind));
                assertThat(bodies.text()).as("%s %s text", kind, language).doesNotContain("??", "[(", "#{");
                assertThat(bodies.html()).as("%s %s html", kind, language).doesNotContain("??", "th:", "#{")
                        .contains("lang=\"" + language.code() + "\"");
                assertThat(templates.message("subject." + kind.name(), language, "Name", "Title"))
                        .doesNotContain("{0}", "{1}");
            }
        }
    }

    @Test
    void theDigestRendersInBothLanguagesWithoutMissingTexts() {
        for (MailLanguage language : MailLanguage.values()) {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("title", "Forum");
            variables.put("dates", "12 May 2026");
            variables.put("count", 3);
            List<Map<String, Object>> entries = new java.util.ArrayList<>();
            for (String kind : List.of("ORGANISER_REGISTERED", "ORGANISER_PROMOTED", "ORGANISER_CANCELLED")) {
                entries.add(Map.of("time", "2026-05-01 10:00", "kind", kind, "name", "<i>Maria</i>",
                        "organisation", "Open Doors", "email", "maria@example.org", "status", "confirmed"));
            }
            for (String kind : List.of("ORGANISER_AWAITING_APPROVAL", "ORGANISER_DETAILS_CHANGED")) {
                entries.add(Map.of("time", "2026-05-01 11:00", "kind", kind, "name", "Moderated",
                        "organisation", "Open Doors", "email", "mod@example.org", "status", "pending",
                        "changes", "<u>Organisation</u>"));
            }
            variables.put("entries", entries);
            MailTemplates.Bodies bodies = templates.render("digest", language, variables);
            assertThat(bodies.text()).contains(": <u>Organisation</u>");
            assertThat(bodies.html()).contains("&lt;u&gt;Organisation&lt;/u&gt;");
            assertThat(bodies.text()).as("digest %s text", language).doesNotContain("??", "[(", "#{")
                    .contains("<i>Maria</i>", "maria@example.org");
            assertThat(bodies.html()).as("digest %s html", language).doesNotContain("??", "th:", "#{", "<i>")
                    .contains("lang=\"" + language.code() + "\"", "&lt;i&gt;Maria&lt;/i&gt;");
            assertThat(templates.message("subject.ORGANISER_DIGEST", language, "Title", 3)).doesNotContain("{0}", "{1}");
        }
    }

    @Test
    void theInvitationRendersInBothLanguagesWithoutMissingTexts() {
        for (MailLanguage language : MailLanguage.values()) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("language", language.code());
            variables.put("name", "<i>Petya</i>");
            variables.put("username", "petya");
            variables.put("link", "https://eforum.example.org/organiser/invitations/i-1?token=t&lang=" + language.code());
            variables.put("expires", "9 December 2026, 10:00");
            MailTemplates.Bodies bodies = templates.render("invitation", language, variables);
            assertThat(bodies.text()).as("invitation %s text", language).doesNotContain("??", "[(", "#{")
                    .contains("petya", "9 December 2026, 10:00", "token=t&lang=" + language.code());
            assertThat(bodies.html()).as("invitation %s html", language).doesNotContain("??", "th:", "#{", "<i>")
                    .contains("lang=\"" + language.code() + "\"", "&lt;i&gt;Petya&lt;/i&gt;");
            assertThat(templates.message("subject.ORGANISER_INVITATION", language)).doesNotContain("{0}", "??");
        }
    }

    @Test
    void valuesAreEscapedInHtmlAndKeptInText() {
        Map<String, Object> variables = variables(MailKind.PARTICIPANT_CONFIRMED);
        variables.put("name", "<b>\"Bold\" & 'quoted'</b>");
        MailTemplates.Bodies bodies = templates.render("participant", MailLanguage.EN, variables);
        assertThat(bodies.html()).contains("&lt;b&gt;&quot;Bold&quot; &amp; &#39;quoted&#39;&lt;/b&gt;")
                .doesNotContain("<b>");
        assertThat(bodies.text()).contains("Dear <b>\"Bold\" & 'quoted'</b>,");
    }

    @Test
    void theOrganisersMessageIsEscapedInHtmlAndKeepsItsParagraphsAndLineBreaks() {
        Map<String, Object> variables = variables(MailKind.PARTICIPANT_MESSAGE);
        variables.put("messageBody", "Dear <b>all</b>,\nsee you.\n\nThe team");
        variables.put("messageParagraphs", List.of("Dear <b>all</b>,\nsee you.", "The team"));
        MailTemplates.Bodies bodies = templates.render("message", MailLanguage.EN, variables);
        assertThat(bodies.html()).contains("Dear &lt;b&gt;all&lt;/b&gt;,\nsee you.</p>", ">The team</p>", "lang=\"bg\"")
                .doesNotContain("<b>all");
        assertThat(bodies.text()).contains("Dear <b>all</b>,\nsee you.\n\nThe team");
    }

    @Test
    void anApprovalsMessageIsEscapedInHtmlAndKeepsItsLineBreaksAndTheChangesAreListed() {
        for (MailLanguage language : MailLanguage.values()) {
            Map<String, Object> variables = variables(MailKind.PARTICIPANT_APPROVED);
            variables.put("messageBody", "See you <b>there</b>,\nthe team");
            variables.put("messageParagraphs", List.of("See you <b>there</b>,\nthe team"));
            MailTemplates.Bodies bodies = templates.render("participant", language, variables);
            assertThat(bodies.html()).contains("See you &lt;b&gt;there&lt;/b&gt;,\nthe team</p>")
                    .doesNotContain("<b>there", "??");
            assertThat(bodies.text()).contains("See you <b>there</b>,\nthe team").doesNotContain("??");

            Map<String, Object> changed = variables(MailKind.ORGANISER_DETAILS_CHANGED);
            changed.put("changes", ChangedFields.withValues(new org.eforum.contracts.event.Participant("<i>Ana</i>",
                    "Nova", "ana@example.org", "Org", org.eforum.contracts.event.StakeholderType.MEDIA, "DE", "",
                    "bg", new org.eforum.contracts.event.Consents(true, true, false)), List.of("firstName",
                    "position", "country", "stakeholderType", "language", "consents", "answers.q1", "answers.q2"),
                    language, templates));
            changed.put("organiserLink", "https://eforum.example.org/organiser/conferences/c/registrations/r");
            MailTemplates.Bodies organiser = templates.render("organiser", language, changed);
            assertThat(organiser.html()).contains("&lt;i&gt;Ana&lt;/i&gt;", "href=\"https://eforum.example.org/"
                    + "organiser/conferences/c/registrations/r\"").doesNotContain("<i>Ana", "??");
            String text = organiser.text();
            if (language == MailLanguage.EN) {
                assertThat(text).contains("- First name: <i>Ana</i>", "- Position: (none)", "- Country: Germany",
                        "- Stakeholder type: Media", "- Language: Bulgarian",
                        "- Consents: listed in the public directory: yes; in the experts’ network: no",
                        "- Answers to the conference’s questions: changed – see them on the registration’s page");
            } else {
                assertThat(text).contains("- Собствено име: <i>Ana</i>", "- Държава: Германия",
                        "- Отговори на въпросите на конференцията: променени");
            }
            assertThat(text.split("Answers to the conference’s questions|Отговори на въпросите", -1)).hasSize(2);
        }
    }

    @Test
    void datesAndCountriesAreWrittenInTheMailLanguage() {
        LocalDate start = LocalDate.of(2026, 5, 12);
        assertThat(MailTemplates.dates(start, start, MailLanguage.EN)).isEqualTo("12 May 2026");
        assertThat(MailTemplates.dates(start, start.plusDays(2), MailLanguage.BG)).isEqualTo("12 май 2026 г. – 14 май 2026 г.");
        assertThat(MailTemplates.country("DE", MailLanguage.BG)).isEqualTo("Германия");
        assertThat(MailTemplates.country("DE", MailLanguage.EN)).isEqualTo("Germany");
        assertThat(MailTemplates.country("not a code", MailLanguage.EN)).isEqualTo("not a code");
    }

    private static Map<String, Object> variables(MailKind kind) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("kind", kind.name());
        variables.put("messageLanguage", "bg");
        variables.put("messageBody", "Уважаеми участници,\nпрограмата е готова.");
        variables.put("messageParagraphs", List.of("Уважаеми участници,\nпрограмата е готова."));
        variables.put("name", "Maria Ivanova");
        variables.put("title", "Forum");
        variables.put("dates", "12 May 2026");
        variables.put("place", "Hall 3, Sofia, Bulgaria");
        variables.put("link", "https://eforum.example.org/registrations/r1?token=t");
        variables.put("contactName", "Ana");
        variables.put("contactEmail", "ana@example.org");
        variables.put("email", "maria@example.org");
        variables.put("organisation", "Open Doors");
        variables.put("position", "Coordinator");
        variables.put("stakeholderType", "Civil society");
        variables.put("participantCountry", "Bulgaria");
        variables.put("participantLanguage", "English");
        variables.put("status", "confirmed");
        variables.put("previousStatus", "confirmed");
        return variables;
    }
}
