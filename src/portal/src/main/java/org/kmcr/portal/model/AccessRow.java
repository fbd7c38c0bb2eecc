package org.kmcr.portal.model;

/** One access to the citizen's record, as the "who has looked at my record" table shows it. */
public record AccessRow(String when, String who, String role, String organisation, String why, boolean brokeGlass,
        String inWords) {
}
