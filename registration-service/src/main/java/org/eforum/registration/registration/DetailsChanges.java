package org.eforum.registration.registration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.eforum.contracts.event.Participant;
import org.eforum.registration.conference.Conference;
import org.eforum.registration.conference.Question;

/**
 * What a participant's correction changes, named as {@code RegistrationDetailsChanged.changedFields} names it, in
 * the form's order: the fields, then {@code answers.<questionId>} in the order of the conference's questions. The
 * address is not compared here: a new one waits for its confirmation (see {@link DetailsCorrections}).
 */
final class DetailsChanges {

    private DetailsChanges() {
    }

    static List<String> between(Conference conference, Participant before, Participant after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "firstName", before.firstName(), after.firstName());
        compare(changed, "lastName", before.lastName(), after.lastName());
        compare(changed, "organisation", before.organisation(), after.organisation());
        compare(changed, "stakeholderType", before.stakeholderType(), after.stakeholderType());
        compare(changed, "country", before.country(), after.country());
        compare(changed, "position", before.position(), after.position());
        compare(changed, "language", before.language(), after.language());
        compare(changed, "consents", before.consents(), after.consents());
        Map<String, Object> old = before.answersOrNone();
        Map<String, Object> now = after.answersOrNone();
        Set<String> ids = new LinkedHashSet<>();
        conference.activeQuestions().stream().map(Question::id).forEach(ids::add);
        Set<String> others = new TreeSet<>(old.keySet());
        others.addAll(now.keySet());
        ids.addAll(others);
        for (String id : ids) {
            if (!sameAnswer(old.get(id), now.get(id))) {
                changed.add("answers." + id);
            }
        }
        return changed;
    }

    /**
     * The answers as corrected: the ones just checked, plus those to questions the conference no longer asks,
     * which the form cannot show, so a correction keeps them as they were.
     */
    static Map<String, Object> keepingRetired(Conference conference, Map<String, Object> before,
            Map<String, Object> checked) {
        Set<String> asked = new LinkedHashSet<>();
        conference.activeQuestions().stream().map(Question::id).forEach(asked::add);
        Map<String, Object> kept = new LinkedHashMap<>(checked);
        before.forEach((id, answer) -> {
            if (!asked.contains(id)) {
                kept.putIfAbsent(id, answer);
            }
        });
        return kept;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /** Numbers by value: the store may give back 3 as an int where the form gave a long. */
    private static boolean sameAnswer(Object before, Object after) {
        if (before instanceof Number a && after instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(before, after);
    }
}
