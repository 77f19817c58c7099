package org.eforum.registration.organiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eforum.registration.account.AccountRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The errors of the accounts' forms (a new account, an invitation, the invitee's password), one per input, in the
 * page's language: the API's constraints decide, the words come from the pages' bundles
 * ({@code organiser.accounts.error.<field>.<constraint>}, with the length limits as {0} and {1}).
 */
@Component
class AccountFormErrors {

    private final Validator validator;
    private final MessageSource bundles;

    AccountFormErrors(Validator validator, MessageSource bundles) {
        this.validator = validator;
        this.bundles = bundles;
    }

    /** The violations of {@code request}, keyed by field in the order of {@code fields} (the inputs top to bottom). */
    <T> Map<String, String> of(T request, List<String> fields, Locale locale) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            codes.merge(field, code(constraint), (first, second) -> first.equals("missing") ? first : second);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : fields) {
            if (codes.containsKey(field)) {
                ordered.put(field, message(field, codes.get(field), locale));
            }
        }
        return ordered;
    }

    String message(String field, String code, Locale locale) {
        return bundles.getMessage("organiser.accounts.error." + field + "." + code,
                new Object[] {AccountRequest.PASSWORD_MIN, AccountRequest.PASSWORD_MAX}, locale);
    }

    private static String code(String constraint) {
        return switch (constraint) {
            case "NotBlank", "NotNull" -> "missing";
            case "Size" -> "size";
            case "Pattern" -> "pattern";
            case "EmailAddress" -> "email";
            case "PlainText" -> "plainText";
            default -> "invalid";
        };
    }
}
