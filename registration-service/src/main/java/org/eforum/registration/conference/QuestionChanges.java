package org.eforum.registration.conference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A new list of questions against the conference's languages and its questions so far: what is wrong with it,
 * field by field, and the list it becomes. Questions and options left out are kept retired, after the others, so
 * answers given to them stay readable; a question keeps its kind for good, since its answers are of that kind.
 */
final class QuestionChanges {

    private QuestionChanges() {
    }

    /** Field (JSON path) → what is wrong; empty when the list fits. */
    static Map<String, String> problems(List<String> languages, List<Question> current, QuestionsRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<QuestionsRequest.QuestionRequest> given = request.questions();
        for (int i = 0; i < given.size(); i++) {
            QuestionsRequest.QuestionRequest question = given.get(i);
            String path = "questions[" + i + "]";
            labels(path + ".label", languages, question.label(), problems);
            Optional<Question> before = current.stream().filter(q -> q.id().equals(question.id())).findFirst();
            if (before.isPresent() && before.get().kind() != question.kind()) {
                problems.put(path + ".kind", "cannot change from " + before.get().kind()
                        + ": the answers given to it are of that kind; add a question with a new id instead");
            }
            if (question.options() != null) {
                for (int j = 0; j < question.options().size(); j++) {
                    labels(path + ".options[" + j + "].label", languages, question.options().get(j).label(), problems);
                }
            }
            if (question.onlyFor() != null && question.onlyFor().isEmpty()) {
                problems.put(path + ".onlyFor", "must name at least one stakeholder type, or be left out (asked of everyone)");
            }
        }
        return problems;
    }

    private static void labels(String path, List<String> languages, Map<String, String> label,
            Map<String, String> problems) {
        for (String language : languages) {
            if (!label.containsKey(language)) {
                problems.put(path + "." + language, "is required in every language of the conference");
            }
        }
        for (String language : label.keySet()) {
            if (!languages.contains(language)) {
                problems.put(path + "." + language, "is not a language of the conference");
            }
        }
    }

    /** The conference's questions after the change: the given ones in their order, then the retired ones. */
    static List<Question> apply(List<Question> current, QuestionsRequest request) {
        List<Question> next = new ArrayList<>();
        Set<String> given = new java.util.HashSet<>();
        for (QuestionsRequest.QuestionRequest asked : request.questions()) {
            Question question = asked.toQuestion();
            given.add(question.id());
            Optional<Question> before = current.stream().filter(q -> q.id().equals(question.id())).findFirst();
            next.add(before.map(old -> withRetiredOptions(question, old)).orElse(question));
        }
        for (Question old : current) {
            if (!given.contains(old.id())) {
                next.add(new Question(old.id(), old.kind(), old.label(), old.options(), old.required(), old.onlyFor(),
                        true));
            }
        }
        return next;
    }

    private static Question withRetiredOptions(Question question, Question old) {
        List<Question.Option> options = new ArrayList<>(question.options());
        for (Question.Option option : old.options()) {
            if (question.option(option.id()).isEmpty()) {
                options.add(new Question.Option(option.id(), option.label(), true));
            }
        }
        return new Question(question.id(), question.kind(), question.label(), options, question.required(),
                question.onlyFor(), false);
    }
}
