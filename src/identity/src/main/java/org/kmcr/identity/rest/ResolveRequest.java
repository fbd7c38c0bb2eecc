package org.kmcr.identity.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.kmcr.identity.model.Demographics;
import org.kmcr.identity.model.SourceKey;
import org.kmcr.identity.service.ResolveCommand;

/**
 * A source patient to resolve. The NHS number is judged by the matcher (422 when it cannot be used), not
 * here, because matching without one is a planned case rather than a malformed request.
 */
public record ResolveRequest(
        @NotBlank @Size(max = 50) String sourceOrg,
        @NotBlank @Size(max = 100) String sourceSystem,
        @NotBlank @Size(max = 100) String localId,
        String nhsNumber,
        @Valid Demographics demographics) {

    ResolveCommand toCommand() {
        return new ResolveCommand(new SourceKey(sourceOrg, sourceSystem, localId), nhsNumber, demographics);
    }
}
