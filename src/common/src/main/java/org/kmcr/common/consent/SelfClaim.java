package org.kmcr.common.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A professional's own claim that their organisation cares for a person, made through record-query with the
 * user's verified token: time-limited, and every access on it alerts a privacy officer.
 */
public record SelfClaim(@NotNull UUID personId, String nhsNumber, @NotNull @Valid CallerDetails caller,
        @NotBlank @Size(min = 10, max = 1000) String reason) {
}
