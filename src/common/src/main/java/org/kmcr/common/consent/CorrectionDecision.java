package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * The source organisation's answer to a correction request ({@code POST /api/correction-requests/{id}/decision}):
 * corrected (the entry was amended at source and will flow in with its next feed) or declined, with the note the
 * citizen reads.
 */
public record CorrectionDecision(@NotNull Outcome outcome,
        @NotBlank @Size(max = CorrectionRequest.CORRECTION_MAX) String note) {

    /** The two answers; they become the request's status. */
    public enum Outcome {
        CORRECTED, DECLINED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public CorrectionStatus status() {
            return CorrectionStatus.valueOf(name());
        }
    }
}
