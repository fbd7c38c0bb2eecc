package org.kmcr.portal.model;

import java.util.List;

/**
 * The record summary page: who, why the user may see it, feeds gone quiet, conflicts, then one card per category
 * (alerts and advance directives first).
 */
public record SummaryView(PersonView person, AccessView access, List<String> staleSources, List<ConflictView> conflicts,
        List<Card> cards) {

    /** The page header: name, NHS number written 3-3-4, date of birth, and whose demographics these are. */
    public record PersonView(String name, String nhsNumber, String nhsNumberDigits, String birthDate, String gender,
            String postcode, String registeredGp, String headerSource) {
    }

    /** Why the user may see this record; a break-glass or self-claimed access says it is time-limited and reviewed. */
    public record AccessView(String basis, String reason, boolean brokeGlass, boolean selfClaimed,
            boolean privacyOfficerAlerted) {
    }

    /** Sources that disagree, with the names of the items involved (comma-separated). */
    public record ConflictView(String explanation, String items) {
    }

    /** One category: its items most recent first, and whether a rule withholds some of it. */
    public record Card(String code, String title, List<Row> items, boolean withheld) {

        public boolean empty() {
            return items.isEmpty();
        }
    }

    /** One item with every source that reports it and how old each report is. */
    public record Row(String display, String status, String date, List<String> sources, boolean inConflict,
            String correctionLink) {
    }
}
