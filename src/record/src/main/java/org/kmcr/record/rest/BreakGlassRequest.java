package org.kmcr.record.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An emergency access: the reason is mandatory and is shown to the privacy officer who reviews it. */
public record BreakGlassRequest(
        @NotBlank(message = "state why you need this record without a care relationship")
        @Size(min = 10, max = 1000, message = "the reason must be between 10 and 1000 characters") String reason) {
}
