package org.eforum.registration.page;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.Question;
import org.eforum.registration.conference.QuestionKind;
import org.springframework.context.MessageSource;

/**
 * One of the conference's questions as the form shows it in the page's language: the input's {@code name}
 * ({@code answers.<id>}, the API's path) and {@code id} ({@code answers-<id>}, which the error summary links),
 * its label (with {@code lang} when it is in another language than the page), its options, and whom it is for.
 */
record FormQuestion(String name, String htmlId, QuestionKind kind, String label, String labelLang, boolean required,
        List<FormOption> options, String onlyFor) {

    record FormOption(String value, String htmlId, String label, String lang) {
    }

    static List<FormQuestion> of(Conference conference, Locale locale, MessageSource messages) {
        return conference.activeQuestions().stream().map(question -> of(question, locale, messages)).toList();
    }

    private static FormQuestion of(Question question, Locale locale, MessageSource messages) {
        String language = locale.getLanguage();
        String htmlId = "answers-" + question.id();
        List<FormOption> options = question.activeOptions().stream()
                .map(option -> new FormOption(option.id(), htmlId + "-" + option.id(),
                        option.label().getOrDefault(language, option.label().values().iterator().next()),
                        option.label().containsKey(language) ? null : option.label().keySet().iterator().next()))
                .toList();
        String onlyFor = question.onlyFor().isEmpty() ? null : question.onlyFor().stream().sorted()
                .map(type -> messages.getMessage("stakeholderType." + type.name(), null, locale))
                .collect(Collectors.joining(", "));
        return new FormQuestion("answers." + question.id(), htmlId, question.kind(), question.labelIn(language),
                question.label().containsKey(language) ? null : question.label().keySet().iterator().next(),
                question.required(), options, onlyFor);
    }
}
