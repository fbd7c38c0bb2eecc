package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.kmcr.consent.model.Relationship;

/**
 * A relationship asserted by a source.
 *
 * @param kind      gp-registration, care-team, referral, social-care-allocation, self-claimed, ...
 * @param source    where it comes from, e.g. the feed or system that asserted it
 * @param startedOn defaults to today for a new relationship; left as it was when omitted on an update
 * @param endsOn    the last day it is active; null while open-ended
 */
public record RelationshipBody(
        @NotNull UUID personId,
        @NotNull @Pattern(regexp = Patterns.ODS_CODE) String orgCode,
        @NotNull @Size(max = 50) @Pattern(regexp = Patterns.KIND, message = "must be lower-case words joined by "
                + "hyphens, e.g. gp-registration") String kind,
        @NotBlank @Size(max = 200) String source,
        LocalDate startedOn,
        LocalDate endsOn) {

    Relationship toEntity() {
        Relationship relationship = new Relationship();
        relationship.personId = personId;
        relationship.orgCode = orgCode;
        relationship.kind = kind;
        relationship.source = source.strip();
        relationship.startedOn = startedOn;
        relationship.endsOn = endsOn;
        return relationship;
    }
}
