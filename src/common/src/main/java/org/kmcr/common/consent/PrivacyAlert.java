package org.kmcr.common.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A disclosure that obliges a privacy officer to be alerted (break glass, a self-claimed relationship), reported
 * by record-query once the audit service has committed it. The audit event id is the idempotency key: the same
 * disclosure reported twice queues one review.
 *
 * @param reason the break-glass reason or the self-claim's stated reason; null for a break-glass access that states
 *               no reason of its own, an access within the window of the caller's last break glass, which joins
 *               that break glass's review
 */
public record PrivacyAlert(
        @NotNull UUID auditEventId,
        @NotNull UUID personId,
        String nhsNumber,
        @NotNull @Valid CallerDetails caller,
        @NotNull Basis basis,
        @Size(max = 2000) String reason) {
}
