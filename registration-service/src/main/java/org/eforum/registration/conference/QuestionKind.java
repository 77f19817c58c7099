package org.eforum.registration.conference;

/** What a conference's own question asks for, and so what an answer to it is in JSON. */
public enum QuestionKind {
    /** A line of text (a JSON string, at most 200 characters). */
    SHORT_TEXT,
    /** A few lines of text (a JSON string, at most 2,000 characters, line breaks allowed). */
    LONG_TEXT,
    /** One option's id (a JSON string). */
    ONE_OF,
    /** Option ids (a JSON array of distinct strings). */
    SEVERAL_OF,
    /** A JSON boolean. */
    YES_NO,
    /** A JSON number. */
    NUMBER,
    /** A date, {@code yyyy-MM-dd} (a JSON string). */
    DATE;

    public boolean hasOptions() {
        return this == ONE_OF || this == SEVERAL_OF;
    }
}
