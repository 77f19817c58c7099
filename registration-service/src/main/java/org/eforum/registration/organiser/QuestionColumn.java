package org.eforum.registration.organiser;

/** A column of the organiser's registrations table for one of the conference's questions, headed by its label. */
record QuestionColumn(String questionId, String label) {
}
