package org.eforum.registration.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.Question;

/**
 * The columns of a conference's export, CSV and XLSX alike: the registration's own ({@link RegistrationCsv#HEADER}),
 * then one per question of the conference, retired ones included (their answers stay readable), headed by its
 * label in the conference's first language. An answer shows its options by their labels, several joined by "; ".
 */
public final class ExportColumns {

    private final List<Question> questions;
    private final String language;

    private ExportColumns(List<Question> questions, String language) {
        this.questions = List.copyOf(questions);
        this.language = language;
    }

    public static ExportColumns of(Conference conference) {
        return new ExportColumns(conference.questions(), conference.languages().get(0));
    }

    /** Only the registration's own columns (a conference that asks nothing). */
    static ExportColumns withoutQuestions() {
        return new ExportColumns(List.of(), "en");
    }

    List<String> header() {
        List<String> header = new ArrayList<>(RegistrationCsv.HEADER);
        questions.forEach(question -> header.add(question.labelIn(language) + (question.retired() ? " (retired)" : "")));
        return header;
    }

    /** A registration's values in the order of {@link #header()}: text, booleans and numbers. */
    List<Object> values(RegistrationView registration) {
        List<Object> values = new ArrayList<>(RegistrationCsv.values(registration));
        for (Question question : questions) {
            values.add(shown(question, registration.answers().get(question.id())));
        }
        return values;
    }

    private Object shown(Question question, Object answer) {
        if (answer == null) {
            return null;
        }
        return switch (question.kind()) {
            case ONE_OF -> optionLabel(question, answer.toString());
            case SEVERAL_OF -> ((List<?>) answer).stream().map(id -> optionLabel(question, id.toString()))
                    .collect(Collectors.joining("; "));
            default -> answer;
        };
    }

    private String optionLabel(Question question, String id) {
        return question.option(id).map(option -> option.label().getOrDefault(language,
                option.label().values().stream().findFirst().orElse(id))).orElse(id);
    }
}
