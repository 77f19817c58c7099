package org.eforum.registration.conference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eforum.contracts.event.StakeholderType;

/**
 * One of a conference's own questions, in the order the form asks them. {@code onlyFor} (empty: everyone) names
 * the stakeholder types it is asked of. A question (or an option) the organisers take away is kept {@code retired}:
 * not asked any more, yet the answers given to it stay readable with their labels.
 */
public record Question(String id, QuestionKind kind, Map<String, String> label, List<Option> options,
        boolean required, Set<StakeholderType> onlyFor, boolean retired) {

    public Question {
        label = Map.copyOf(label);
        options = options == null ? List.of() : List.copyOf(options);
        onlyFor = onlyFor == null ? Set.of() : Set.copyOf(onlyFor);
    }

    /** One option of a {@link QuestionKind#ONE_OF} or {@link QuestionKind#SEVERAL_OF} question. */
    public record Option(String id, Map<String, String> label, boolean retired) {

        public Option {
            label = Map.copyOf(label);
        }
    }

    /** Whether the form asks it of someone of this type. */
    public boolean isAskedOf(StakeholderType type) {
        return !retired && (onlyFor.isEmpty() || onlyFor.contains(type));
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(option -> option.id().equals(optionId)).findFirst();
    }

    public List<Option> activeOptions() {
        return options.stream().filter(option -> !option.retired()).toList();
    }

    /** The label in {@code language}, else in any language it has. */
    public String labelIn(String language) {
        return label.getOrDefault(language, label.values().stream().findFirst().orElse(id));
    }
}
