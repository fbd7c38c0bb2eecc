package org.kmcr.common.consent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A professional breaking glass: a reason from the fixed list and, in their own words, what happened. Shown to the
 * privacy officer who reviews the access.
 */
public record BreakGlass(
        @NotNull(message = "choose a reason from the list") BreakGlassReason reason,
        @NotNull(message = "say why you need this record without a care relationship")
        @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String text) {

    /** A stated reason: 10 to 1000 characters once trimmed (break glass and self-claims alike). */
    public static final String TEXT = "(?s)\\s*\\S.{8,998}\\S\\s*";
    public static final String TEXT_MESSAGE = "the reason must be between 10 and 1000 characters";

    /** The reason as one line for the audit log and the review: its code, then the text. */
    public String statement() {
        return reason.code() + ": " + text.strip();
    }
}
