package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A national data opt-out list as published: its date and the NHS numbers of everyone on it.
 *
 * @param nhsNumbers at most {@link #MAX} in one upload
 */
public record OptOutListBody(
        @NotNull LocalDate listDate,
        @NotNull @Size(max = MAX) List<@NotNull @Pattern(regexp = Patterns.NHS_NUMBER,
                message = "must be 10 digits") String> nhsNumbers) {

    static final int MAX = 2_000_000;
}
