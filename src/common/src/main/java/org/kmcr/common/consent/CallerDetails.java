package org.kmcr.common.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Set;
import org.kmcr.common.security.Caller;

/** The end user a decision is about, as record-query took them from their verified token. */
public record CallerDetails(
        @NotBlank String userId,
        String displayName,
        @NotEmpty Set<@NotBlank String> roles,
        String orgCode,
        String roleCode,
        @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String nhsNumber) {

    public static CallerDetails of(Caller caller) {
        return new CallerDetails(caller.userId(), caller.displayName(), caller.roles(), caller.orgCode(),
                caller.roleCode(), caller.nhsNumber());
    }
}
