package org.eforum.registration.organiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eforum.registration.conference.ConferenceRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The conference form's errors, one per input and in the page's language. The request's own constraints decide
 * (the API's rules); their messages come from the pages' bundles by the codes Spring would give them
 * ({@code organiser.Code.field}, then {@code Code.field}, then {@code Code}), with the constraint's attributes as
 * arguments in alphabetical order after the field, as Spring passes them ({@code {1}} = max for Size).
 */
@Component
class ConferenceFormErrors {

    private static final Set<String> NOT_ARGUMENTS = Set.of("message", "groups", "payload");
    /** "Fill this in" says more than "this is not valid" about an empty field, so it wins. */
    private static final Set<String> MISSING = Set.of("NotBlank", "NotNull", "NotEmpty");

    private final Validator validator;
    private final MessageSource messages;

    ConferenceFormErrors(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    Map<String, String> of(ConferenceForm form, ConferenceForm.Parsed parsed, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        Map<String, Boolean> missing = new LinkedHashMap<>();
        parsed.unreadable().forEach((field, code) -> byField.put(field, message(code, field, field, List.of(field), locale)));
        for (ConstraintViolation<ConferenceRequest> violation : validator.validate(parsed.request())) {
            String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String path = violation.getPropertyPath().toString();
            for (String field : fieldsOf(path, form)) {
                if (parsed.unreadable().containsKey(field)) {
                    continue; // "not a date" says more than "fill this in" about the same input
                }
                if (!byField.containsKey(field) || (MISSING.contains(code) && !missing.getOrDefault(field, false))) {
                    byField.put(field, message(code, field, path, arguments(field, violation), locale));
                    missing.put(field, MISSING.contains(code));
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        ConferenceForm.inFormOrder(byField.keySet()).forEach(field -> ordered.put(field, byField.get(field)));
        return ordered;
    }

    /** An error written by the service rather than by a constraint (the id taken, capacity below confirmed). */
    String message(String code, String field, Locale locale) {
        return message(code, field, field, List.of(field), locale);
    }

    /**
     * The inputs a violation belongs to: {@code title[en]} is the input {@code title.en}; a missing text in a
     * conference language ({@code title}, {@code venue}) belongs to each ticked language's empty input; a list's
     * element ({@code cc[2].<list element>}) to the list's input.
     */
    private static List<String> fieldsOf(String path, ConferenceForm form) {
        String field = path.replaceAll("\\[(\\w+)]\\.<map value>$", ".$1").replaceAll("\\[\\d*]\\.<list element>$", "")
                .replaceAll("<map key>.*$", "").replaceAll("\\[(\\w+)]$", ".$1");
        if ((field.equals("title") || field.equals("venue")) && !form.languages().isEmpty()) {
            List<String> empty = new ArrayList<>();
            for (String language : form.languages()) {
                String text = form.values().get(field + "." + language);
                if (text == null || text.isBlank()) {
                    empty.add(field + "." + language);
                }
            }
            return empty.isEmpty() ? List.of(field + "." + form.languages().get(0)) : empty;
        }
        if (field.equals("title") || field.equals("venue")) {
            return List.of("languages");
        }
        return List.of(field);
    }

    private static List<Object> arguments(String field, ConstraintViolation<?> violation) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(field);
        new TreeMap<>(violation.getConstraintDescriptor().getAttributes()).forEach((name, value) -> {
            if (!NOT_ARGUMENTS.contains(name)) {
                arguments.add(value);
            }
        });
        return arguments;
    }

    /** {@code path} is the request's property the constraint is on ({@code title} for the input {@code title.bg}). */
    private String message(String code, String field, String path, List<Object> arguments, Locale locale) {
        Object[] args = arguments.toArray();
        for (String candidate : List.of("organiser." + code + "." + field, "organiser." + code + "." + path,
                code + "." + field, "organiser." + code, code)) {
            try {
                return messages.getMessage(candidate, args, locale);
            } catch (NoSuchMessageException tryTheNext) {
                // the next, more general code
            }
        }
        return messages.getMessage("organiser.invalid", null, locale);
    }
}
