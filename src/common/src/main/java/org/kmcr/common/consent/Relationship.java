package org.kmcr.common.consent;

import java.time.LocalDate;
import java.util.UUID;

/** A legitimate relationship between an organisation and a person, e.g. GP registration. */
public record Relationship(UUID personId, String orgCode, String kind, String source, LocalDate startedOn,
        LocalDate endsOn) {

    public static final String GP_REGISTRATION = "gp-registration";
}
