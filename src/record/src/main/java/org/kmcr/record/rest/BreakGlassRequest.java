package org.kmcr.record.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An emergency access: the reason is mandatory and is shown to the privacy officer who reviews it. */
public record BreakGlassRequest(
        @NotNull(message = "state why you need this record without a care relationship")
        @Pattern(regexp = REASON, message = REASON_MESSAGE) String reason) {

    /** A stated reason: 10 to 1000 characters once trimmed (break glass and self-claims alike). */
    static final String REASON = "(?s)\\s*\\S.{8,998}\\S\\s*";
    static final String REASON_MESSAGE = "the reason must be between 10 and 1000 characters";
}
