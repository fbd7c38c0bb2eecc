package org.kmcr.common.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One disclosure (or refused disclosure) of personal data, as sent to the audit service.
 *
 * @param id             chosen by the sender; also the idempotency key, so a retried call records once
 * @param action         what was done, e.g. {@code record.summary.read}
 * @param outcome        {@code permitted} or {@code denied}
 * @param accessBasis    why access was allowed or refused: gp-registration, relationship, break-glass, self, ...
 * @param categories     the record categories disclosed
 */
public record AuditEvent(
        @NotNull UUID id,
        @NotNull Instant occurredAt,
        @NotBlank String action,
        @NotBlank String outcome,
        @NotNull Actor actor,
        @NotBlank String purpose,
        String accessBasis,
        String breakGlassReason,
        UUID subjectPersonId,
        String subjectNhsNumber,
        List<String> categories) {

    /** The individual (or system) who acted, with the role and organisation they acted in. */
    public record Actor(@NotBlank String userId, String displayName, @NotBlank String role, String orgCode,
            String roleProfileId, String roleCode, String clientId) {
    }
}
