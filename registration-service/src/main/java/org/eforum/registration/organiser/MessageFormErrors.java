package org.eforum.registration.organiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.message.MessageRequest;
import org.eforum.registration.message.MessageService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The message form's errors, one per input, in the page's language: the API's constraints and the service's
 * language rule decide; the words come from the pages' bundles ({@code organiser.message.error.<field kind>.<code>}).
 */
@Component
class MessageFormErrors {

    private final Validator validator;
    private final MessageService messages;
    private final MessageSource bundles;

    MessageFormErrors(Validator validator, MessageService messages, MessageSource bundles) {
        this.validator = validator;
        this.messages = messages;
        this.bundles = bundles;
    }

    Map<String, String> of(Conference conference, MessageForm form, Locale locale) {
        Map<String, String> codes = new LinkedHashMap<>();
        MessageRequest request = form.request();
        if (form.audienceUnreadable() || request.audience() == null) {
            codes.put(MessageForm.AUDIENCE, "audience");
        }
        messages.languageProblems(conference, request).forEach((field, problem) ->
                codes.putIfAbsent(field, kind(field) + "." + (problem == MessageService.LanguageProblem.MISSING
                        ? "missing" : "invalid")));
        for (ConstraintViolation<MessageRequest> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            String field = path.replaceAll("\\[(\\w+)]\\.<map value>$", ".$1");
            if (!field.contains(".")) {
                continue; // a whole map empty: each language's input is named missing above
            }
            String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            codes.putIfAbsent(field, kind(field) + "." + switch (code) {
                case "Size" -> "size";
                case "PlainText" -> "plainText";
                case "NotBlank" -> "missing";
                default -> "invalid";
            });
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : MessageForm.fields(form.languages())) {
            if (codes.containsKey(field)) {
                ordered.put(field, bundles.getMessage("organiser.message.error." + codes.get(field),
                        new Object[] {languageName(field, locale), MessageRequest.SUBJECT_MAX, MessageRequest.BODY_MAX},
                        locale));
            }
        }
        return ordered;
    }

    private static String kind(String field) {
        return field.startsWith("subject") ? "subject" : "body";
    }

    private String languageName(String field, Locale locale) {
        List<String> parts = List.of(field.split("\\."));
        return parts.size() < 2 ? "" : bundles.getMessage("organiser.message.in." + parts.get(1), null, parts.get(1),
                locale);
    }
}
