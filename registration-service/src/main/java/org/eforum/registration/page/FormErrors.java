package org.eforum.registration.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The form's errors, one message per field, in the order the fields appear, written in the page's language
 * (messages_*.properties resolves the binding codes such as {@code NotBlank.firstName} or {@code Size}).
 */
final class FormErrors {

    /** The form's fields, top to bottom: the error summary lists them in this order. */
    static final List<String> FIELDS = List.of("firstName", "lastName", "email", "organisation", "stakeholderType",
            "country", "position", "language", "consents.dataProcessing", "consents.listInDirectory",
            "consents.joinExpertsNetwork", "notes");

    /** "Fill this in" says more than "this is not valid" about an empty field, so it wins. */
    private static final Set<String> MISSING = Set.of("NotBlank", "NotNull", "NotEmpty");

    private FormErrors() {
    }

    static Map<String, String> of(BindingResult binding, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            // No box ticked at all leaves the whole consents object absent; its message belongs to the required box.
            String field = "consents".equals(error.getField()) ? "consents.dataProcessing" : error.getField();
            if (!byField.containsKey(field) || MISSING.contains(error.getCode())) {
                byField.put(field, messages.getMessage(error, locale));
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.stream().filter(byField::containsKey).forEach(field -> ordered.put(field, byField.get(field)));
        byField.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
