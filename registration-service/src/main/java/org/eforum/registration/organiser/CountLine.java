package org.eforum.registration.organiser;

/** One line of the counts above the table: a status or a stakeholder type (its message key) and how many. */
record CountLine(String label, long count) {
}
