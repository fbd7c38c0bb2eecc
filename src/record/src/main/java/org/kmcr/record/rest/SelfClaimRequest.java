package org.kmcr.record.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A professional's claim that their organisation cares for the person: why, shown to the reviewing officer. */
public record SelfClaimRequest(
        @NotNull(message = "state how your organisation is caring for this person")
        @Pattern(regexp = BreakGlassRequest.REASON, message = BreakGlassRequest.REASON_MESSAGE) String reason) {
}
