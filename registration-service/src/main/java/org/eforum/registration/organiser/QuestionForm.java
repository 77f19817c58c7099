package org.eforum.registration.organiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.conference.Question;
import org.eforum.registration.conference.QuestionKind;
import org.eforum.registration.conference.QuestionsRequest;
import org.springframework.util.MultiValueMap;

/**
 * The page form of one question, as typed: its id and kind (fixed once the question exists), a label per language of
 * the conference, required, the stakeholder types it is asked of (none ticked: everyone), and option rows — each
 * an id (kept for an existing option, so its answers stay its own) and a label per language. A row left empty in
 * every language is an option taken away (it is kept retired, as the API does).
 */
record QuestionForm(String questionId, String kind, Map<String, String> label, boolean required,
        Set<String> onlyFor, List<OptionRow> options) {

    /** Blank rows offered for new options, beside the existing ones. */
    static final int NEW_OPTION_ROWS = 4;

    record OptionRow(String id, Map<String, String> label) {

        boolean isEmpty() {
            return label.values().stream().allMatch(text -> text == null || text.isBlank());
        }
    }

    static QuestionForm blank(List<String> languages) {
        return new QuestionForm("", "", emptyLabels(languages), false, Set.of(), withNewRows(List.of(), languages));
    }

    static QuestionForm of(Question question, List<String> languages) {
        List<OptionRow> rows = question.activeOptions().stream()
                .map(option -> new OptionRow(option.id(), new LinkedHashMap<>(option.label()))).toList();
        Set<String> types = new LinkedHashSet<>();
        question.onlyFor().forEach(type -> types.add(type.name()));
        return new QuestionForm(question.id(), question.kind().name(), new LinkedHashMap<>(question.label()),
                question.required(), types, withNewRows(rows, languages));
    }

    /** The form as posted; {@code existing} (null for a new question) fixes its id and kind. */
    static QuestionForm from(MultiValueMap<String, String> submitted, List<String> languages, Question existing) {
        Map<String, String> label = new LinkedHashMap<>();
        languages.forEach(language -> label.put(language, value(submitted, "questionLabel." + language)));
        List<OptionRow> rows = new ArrayList<>();
        for (int row = 0; submitted.containsKey("option." + row + ".id") || hasAnyLabel(submitted, row, languages); row++) {
            Map<String, String> optionLabel = new LinkedHashMap<>();
            int current = row;
            languages.forEach(language -> optionLabel.put(language, value(submitted, "option." + current + "." + language)));
            rows.add(new OptionRow(value(submitted, "option." + row + ".id"), optionLabel));
        }
        Set<String> types = new LinkedHashSet<>(submitted.getOrDefault("onlyFor", List.of()));
        return new QuestionForm(existing == null ? value(submitted, "questionId").strip() : existing.id(),
                existing == null ? value(submitted, "kind") : existing.kind().name(), label,
                submitted.containsKey("required"), types, rows);
    }

    /** The question as the API takes it; options only for the kinds that have them, their new ids numbered. */
    QuestionsRequest.QuestionRequest request() {
        QuestionKind parsedKind = parsedKind();
        List<QuestionsRequest.OptionRequest> given = null;
        if (parsedKind != null && parsedKind.hasOptions()) {
            Set<String> taken = new LinkedHashSet<>();
            options.forEach(row -> {
                if (!row.id().isBlank()) {
                    taken.add(row.id());
                }
            });
            given = new ArrayList<>();
            int next = 1;
            for (OptionRow row : options) {
                if (row.isEmpty()) {
                    continue;
                }
                String id = row.id();
                if (id.isBlank()) {
                    while (taken.contains("option-" + next)) {
                        next++;
                    }
                    id = "option-" + next;
                    taken.add(id);
                }
                given.add(new QuestionsRequest.OptionRequest(id, row.label()));
            }
        }
        Set<StakeholderType> types = new LinkedHashSet<>();
        // an unknown type (a forged form) is refused beside the input by the page, not here
        onlyFor.stream().filter(QuestionForm::isStakeholderType).forEach(type -> types.add(StakeholderType.valueOf(type)));
        return new QuestionsRequest.QuestionRequest(questionId, parsedKind, label, given, required,
                types.isEmpty() ? null : types);
    }

    /** Null for a kind the page does not offer (a forged form): the API's "must not be null" then answers. */
    QuestionKind parsedKind() {
        try {
            return kind == null || kind.isBlank() ? null : QuestionKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether every ticked type is one the page offers. */
    boolean typesKnown() {
        return onlyFor.stream().allMatch(QuestionForm::isStakeholderType);
    }

    private static boolean isStakeholderType(String type) {
        try {
            StakeholderType.valueOf(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The rows the page shows: the posted or existing ones and fresh blank rows after them. */
    List<OptionRow> rowsShown(List<String> languages) {
        List<OptionRow> kept = options.stream().filter(row -> !row.id().isBlank() || !row.isEmpty()).toList();
        return withNewRows(kept, languages);
    }

    private static List<OptionRow> withNewRows(List<OptionRow> rows, List<String> languages) {
        List<OptionRow> all = new ArrayList<>(rows);
        for (int i = 0; i < NEW_OPTION_ROWS; i++) {
            all.add(new OptionRow("", emptyLabels(languages)));
        }
        return all;
    }

    private static Map<String, String> emptyLabels(List<String> languages) {
        Map<String, String> label = new LinkedHashMap<>();
        languages.forEach(language -> label.put(language, ""));
        return label;
    }

    private static boolean hasAnyLabel(MultiValueMap<String, String> submitted, int row, List<String> languages) {
        return languages.stream().anyMatch(language -> submitted.containsKey("option." + row + "." + language));
    }

    private static String value(MultiValueMap<String, String> submitted, String name) {
        String value = submitted.getFirst(name);
        return value == null ? "" : value;
    }
}
