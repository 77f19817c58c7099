package org.eforum.registration.conference;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eforum.contracts.event.StakeholderType;
import org.eforum.registration.validation.Language;
import org.eforum.registration.validation.PlainText;

/**
 * A conference's questions as its organisers set them, in the order the form asks them: the whole list, which
 * replaces the one before (a question or option left out is retired, see {@link Question}).
 */
public record QuestionsRequest(@NotNull @Size(max = MAX_QUESTIONS) List<@NotNull @Valid QuestionRequest> questions) {

    public static final int MAX_QUESTIONS = 30;
    public static final int MAX_OPTIONS = 50;
    static final String ID = "[a-z0-9][a-z0-9-]{0,39}";
    static final String ID_MESSAGE = "must be 1 to 40 characters a-z, 0-9 or - (not first)";

    @AssertTrue(message = "must not repeat a question id")
    public boolean isQuestions() {
        return questions == null || questions.stream().filter(q -> q != null && q.id() != null).map(QuestionRequest::id)
                .distinct().count() == questions.stream().filter(q -> q != null && q.id() != null).count();
    }

    public record QuestionRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotNull QuestionKind kind,
            @NotEmpty Map<@Pattern(regexp = Language.PATTERN) String, @NotBlank @Size(max = 300) @PlainText String> label,
            @Size(max = MAX_OPTIONS) List<@NotNull @Valid OptionRequest> options,
            Boolean required,
            Set<@NotNull StakeholderType> onlyFor) {

        @AssertTrue(message = "must list 2 to 50 options for ONE_OF and SEVERAL_OF, and none for the other kinds")
        public boolean isOptions() {
            int count = options == null ? 0 : options.size();
            return kind == null || (kind.hasOptions() ? count >= 2 : count == 0);
        }

        @AssertTrue(message = "must not repeat an option id")
        public boolean isOptionIds() {
            return options == null || options.stream().filter(o -> o != null && o.id() != null).map(OptionRequest::id)
                    .distinct().count() == options.stream().filter(o -> o != null && o.id() != null).count();
        }

        /**
         * The question as the API would be sent it, with its active options only, so that replacing the list with it
         * keeps retired options retired.
         */
        public static QuestionRequest of(Question question) {
            List<OptionRequest> options = question.kind().hasOptions()
                    ? question.activeOptions().stream().map(option -> new OptionRequest(option.id(), option.label()))
                            .toList()
                    : null;
            return new QuestionRequest(question.id(), question.kind(), question.label(), options, question.required(),
                    question.onlyFor().isEmpty() ? null : question.onlyFor());
        }

        Question toQuestion() {
            List<Question.Option> given = options == null ? List.of()
                    : options.stream().map(o -> new Question.Option(o.id(), stripped(o.label()), false)).toList();
            return new Question(id, kind, stripped(label), given, Boolean.TRUE.equals(required), onlyFor, false);
        }
    }

    public record OptionRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotEmpty Map<@Pattern(regexp = Language.PATTERN) String, @NotBlank @Size(max = 300) @PlainText String> label) {
    }

    private static Map<String, String> stripped(Map<String, String> texts) {
        Map<String, String> stripped = new java.util.LinkedHashMap<>();
        texts.forEach((language, text) -> stripped.put(language, text.strip()));
        return stripped;
    }
}
