package org.eforum.registration.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eforum.registration.conference.Question;
import org.eforum.registration.conference.Question.Option;
import org.eforum.registration.conference.QuestionKind;
import org.junit.jupiter.api.Test;

/** The organiser reads each answer in the page's language: option labels, words for yes/no, dates written out. */
class AnswerLineTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale BG = Locale.forLanguageTag("bg");

    private static final Question PANELS = new Question("panels", QuestionKind.SEVERAL_OF,
            Map.of("en", "Panels", "bg", "Панели"),
            List.of(new Option("labour", Map.of("en", "Labour", "bg", "Труд"), false),
                    new Option("housing", Map.of("en", "Housing", "bg", "Жилища"), true)),
            false, null, false);
    private static final Question INTERPRETATION = new Question("interpretation", QuestionKind.ONE_OF,
            Map.of("en", "Interpretation", "bg", "Превод"),
            List.of(new Option("into-en", Map.of("en", "Into English", "bg", "На английски"), false)),
            true, null, false);
    private static final Question WHEELCHAIR = question("wheelchair", QuestionKind.YES_NO, false);
    private static final Question ARRIVAL = question("arrival", QuestionKind.DATE, false);
    private static final Question DELEGATES = question("delegates", QuestionKind.NUMBER, false);
    private static final Question REMARKS = question("remarks", QuestionKind.LONG_TEXT, true);

    @Test
    void optionsAreShownByTheirLabelsInThePageLanguageRetiredOptionsIncluded() {
        assertThat(AnswerLine.of(PANELS, List.of("labour", "housing"), EN).text()).isEqualTo("Labour; Housing");
        assertThat(AnswerLine.of(PANELS, List.of("labour", "housing"), BG).text()).isEqualTo("Труд; Жилища");
        assertThat(AnswerLine.of(INTERPRETATION, "into-en", BG))
                .isEqualTo(new AnswerLine("interpretation", "Превод", "На английски", null, false));
        assertThat(AnswerLine.of(INTERPRETATION, "gone", EN).text()).as("an unknown id as it is").isEqualTo("gone");
    }

    @Test
    void yesNoIsAMessageKeyDatesAreWrittenOutNumbersPlainAndLongTextKeepsItsLines() {
        assertThat(AnswerLine.of(WHEELCHAIR, true, EN).yesNoKey()).isEqualTo("organiser.yes");
        assertThat(AnswerLine.of(WHEELCHAIR, false, BG).yesNoKey()).isEqualTo("organiser.no");
        assertThat(AnswerLine.of(WHEELCHAIR, false, BG).text()).isNull();
        assertThat(AnswerLine.of(ARRIVAL, "2027-05-09", EN).text()).isEqualTo("May 9, 2027");
        assertThat(AnswerLine.of(ARRIVAL, "2027-05-09", BG).text()).contains("2027").doesNotContain("2027-05-09");
        assertThat(AnswerLine.of(DELEGATES, 3.0, EN).text()).isEqualTo("3");
        assertThat(AnswerLine.of(DELEGATES, 2.5, EN).text()).isEqualTo("2.5");
        AnswerLine remarks = AnswerLine.of(REMARKS, "Vegetarian.\nThanks.", EN);
        assertThat(remarks.text()).isEqualTo("Vegetarian.\nThanks.");
        assertThat(remarks.retired()).isTrue();
    }

    @Test
    void onlyQuestionsWithAnAnswerGetALineInTheQuestionsOrder() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("remarks", "Hi");
        answers.put("wheelchair", true);
        answers.put("unknown", "dropped");
        List<AnswerLine> lines = AnswerLine.of(List.of(INTERPRETATION, WHEELCHAIR, REMARKS), answers, EN);
        assertThat(lines).extracting(AnswerLine::questionId).containsExactly("wheelchair", "remarks");
    }

    private static Question question(String id, QuestionKind kind, boolean retired) {
        return new Question(id, kind, Map.of("en", id, "bg", id + "-bg"), List.of(), false, null, retired);
    }
}
