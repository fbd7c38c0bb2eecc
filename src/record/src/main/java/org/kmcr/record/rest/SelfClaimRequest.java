package org.kmcr.record.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.kmcr.common.consent.BreakGlass;

/** A professional's claim that their organisation cares for the person: why, shown to the reviewing officer. */
public record SelfClaimRequest(
        @NotNull(message = "state how your organisation is caring for this person")
        @Pattern(regexp = BreakGlass.TEXT, message = BreakGlass.TEXT_MESSAGE) String reason) {
}
