package org.kmcr.common.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * A request to see a person's record: who asks (from their verified token), about whom, to do what, and
 * optionally breaking glass.
 *
 * @param personId   null when KMCR holds no person with the NHS number: the decision then still says whether the
 *                   caller could see a record at all, so that the answer does not tell them which numbers are held
 * @param breakGlass null for a normal access
 */
public record AccessRequest(
        UUID personId,
        @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String nhsNumber,
        @NotNull Action action,
        @NotNull @Valid CallerDetails caller,
        @Valid BreakGlass breakGlass) {

    /** The purpose the action serves. */
    public Purpose purpose() {
        return action.purpose();
    }
}
