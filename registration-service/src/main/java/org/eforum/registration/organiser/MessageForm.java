package org.eforum.registration.organiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eforum.registration.message.Audience;
import org.eforum.registration.message.MessageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The message form as typed: {@code audience}, and {@code subject.<language>} and {@code body.<language>} for each
 * language of the conference; {@code messageId} is given at the preview, so that sending the same preview twice sends
 * one message. It becomes the API's {@link MessageRequest}, checked by the same rules.
 */
record MessageForm(Map<String, String> values, List<String> languages) {

    static final String AUDIENCE = "audience";
    static final String MESSAGE_ID = "messageId";

    static MessageForm blank(List<String> languages) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(AUDIENCE, Audience.ALL.name());
        return new MessageForm(values, languages);
    }

    static MessageForm from(MultiValueMap<String, String> submitted, List<String> languages) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields(languages)) {
            String value = submitted.getFirst(field);
            if (value != null) {
                values.put(field, value.replace("\r\n", "\n")); // a form posts CR LF; the preview shows LF
            }
        }
        String id = submitted.getFirst(MESSAGE_ID);
        if (id != null && id.matches("[0-9a-f-]{36}")) {
            values.put(MESSAGE_ID, id);
        }
        return new MessageForm(values, languages);
    }

    /** The inputs, top to bottom: errors are listed in this order. */
    static List<String> fields(List<String> languages) {
        List<String> fields = new ArrayList<>();
        fields.add(AUDIENCE);
        for (String language : languages) {
            fields.add("subject." + language);
            fields.add("body." + language);
        }
        return fields;
    }

    /** The same form with the id its preview gives it (kept when it has one). */
    MessageForm previewed() {
        Map<String, String> withId = new LinkedHashMap<>(values);
        withId.putIfAbsent(MESSAGE_ID, UUID.randomUUID().toString());
        return new MessageForm(withId, languages);
    }

    @Nullable Audience audience() {
        String value = values.get(AUDIENCE);
        if (value == null) {
            return null;
        }
        try {
            return Audience.valueOf(value);
        } catch (IllegalArgumentException notAnAudience) {
            return null;
        }
    }

    boolean audienceUnreadable() {
        String value = values.get(AUDIENCE);
        return value != null && !value.isBlank() && audience() == null;
    }

    MessageRequest request() {
        return new MessageRequest(audience(), texts("subject"), texts("body"));
    }

    private Map<String, String> texts(String field) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : languages) {
            String text = values.get(field + "." + language);
            if (text != null && !text.isBlank()) {
                texts.put(language, text.strip());
            }
        }
        return texts;
    }
}
