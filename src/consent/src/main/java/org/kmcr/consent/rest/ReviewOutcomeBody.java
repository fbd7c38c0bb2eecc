package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A privacy officer's judgement of a break-glass access. */
public record ReviewOutcomeBody(
        @NotNull @Pattern(regexp = "appropriate|inappropriate", message = "must be appropriate or inappropriate")
        String outcome,
        @Size(max = 4000) String note) {
}
