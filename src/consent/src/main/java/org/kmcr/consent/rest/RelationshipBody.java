package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.kmcr.common.consent.RelationshipAssertion;

/**
 * A relationship a privacy officer records for another organisation; who recorded it comes from their token.
 *
 * @param kind      gp-registration, care-team, referral, social-care-allocation, ...
 * @param startedOn defaults to today for a new episode
 * @param endsOn    the last day it is active; null while open-ended
 * @param note      why it is recorded, shown with the relationship
 */
public record RelationshipBody(
        @NotNull UUID personId,
        @NotNull @Pattern(regexp = RelationshipAssertion.ODS_CODE) String orgCode,
        @NotNull @Size(max = 50) @Pattern(regexp = RelationshipAssertion.KIND, message = "must be lower-case words "
                + "joined by hyphens, e.g. gp-registration") String kind,
        LocalDate startedOn,
        LocalDate endsOn,
        @Size(max = 2000) String note) {
}
