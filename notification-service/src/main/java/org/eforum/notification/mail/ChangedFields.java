package org.eforum.notification.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eforum.contracts.event.Consents;
import org.eforum.contracts.event.Participant;

/**
 * The fields a participant corrected ({@code RegistrationDetailsChanged.changedFields}), as a mail names them: in the
 * mail's language, with their new values. This service knows nothing of a conference's questions (the snapshot in
 * the events carries none), so every {@code answers.<questionId>} is one line, "Answers to the conference's
 * questions", without a value: the organisers read the answers on the registration's page.
 */
public final class ChangedFields {

    static final String ANSWERS_PREFIX = "answers.";
    static final String ANSWERS = "answers";

    private static final Set<String> KNOWN = Set.of("firstName", "lastName", "email", "organisation",
            "stakeholderType", "country", "position", "language", "consents");

    private ChangedFields() {
    }

    /** The fields as lines to show, in the event's order, the answers folded into one; unknown fields by their name. */
    static List<String> lines(List<String> changedFields) {
        Set<String> lines = new LinkedHashSet<>();
        for (String field : changedFields == null ? List.<String>of() : changedFields) {
            if (field == null || field.isBlank()) {
                continue;
            }
            lines.add(field.startsWith(ANSWERS_PREFIX) || field.equals(ANSWERS) ? ANSWERS : field);
        }
        return List.copyOf(lines);
    }

    /** The fields' names in the mail's language (e.g. for a digest line). */
    public static List<String> labels(List<String> changedFields, MailLanguage language, MailTemplates templates) {
        return lines(changedFields).stream().map(field -> label(field, language, templates)).toList();
    }

    /**
     * Each changed field with its new value, as maps with {@code label} and {@code value} (null for the answers), for
     * the templates.
     */
    public static List<Map<String, Object>> withValues(Participant participant, List<String> changedFields,
            MailLanguage language, MailTemplates templates) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String field : lines(changedFields)) {
            Map<String, Object> change = new HashMap<>();
            change.put("label", label(field, language, templates));
            change.put("value", value(participant, field, language, templates));
            changes.add(change);
        }
        return changes;
    }

    private static String label(String field, MailLanguage language, MailTemplates templates) {
        return KNOWN.contains(field) || field.equals(ANSWERS) ? templates.message("field." + field, language)
                : HeaderText.singleLine(field);
    }

    private static String value(Participant participant, String field, MailLanguage language,
            MailTemplates templates) {
        String value;
        switch (field) {
            case "firstName":
                value = HeaderText.singleLine(participant.firstName());
                break;
            case "lastName":
                value = HeaderText.singleLine(participant.lastName());
                break;
            case "email":
                value = HeaderText.singleLine(participant.email());
                break;
            case "organisation":
                value = HeaderText.singleLine(participant.organisation());
                break;
            case "position":
                value = HeaderText.singleLine(participant.position());
                break;
            case "country":
                value = MailTemplates.country(participant.country(), language);
                break;
            case "stakeholderType":
                value = participant.stakeholderType() == null ? ""
                        : templates.message("stakeholder." + participant.stakeholderType().name(), language);
                break;
            case "language":
                value = templates.message("language." + MailLanguage.of(participant.language()).code(), language);
                break;
            case "consents":
                value = consents(participant.consents(), language, templates);
                break;
            default:
                return null; // the answers (no labels known here), or a field this service does not know yet
        }
        return value.isBlank() ? templates.message("change.empty", language) : value;
    }

    private static String consents(Consents consents, MailLanguage language, MailTemplates templates) {
        if (consents == null) {
            return "";
        }
        return templates.message("consent.listInDirectory", language, yesNo(consents.listInDirectory(), language,
                templates)) + "; " + templates.message("consent.joinExpertsNetwork", language,
                yesNo(consents.joinExpertsNetwork(), language, templates));
    }

    private static String yesNo(boolean value, MailLanguage language, MailTemplates templates) {
        return templates.message(value ? "answer.yes" : "answer.no", language);
    }
}
