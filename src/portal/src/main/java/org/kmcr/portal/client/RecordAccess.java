package org.kmcr.portal.client;

import java.time.Instant;
import java.util.List;

/**
 * One access to the citizen's record: audit's {@code RecordAccessView} without its proofs (asked for without
 * {@code withProofs}); to move to {@code src/common} with audit's resource.
 */
public record RecordAccess(Instant when, String who, String role, String organisation, String organisationName,
        String purpose, String basis, boolean brokeGlass, String breakGlassReason, String outcome,
        List<String> sawCategories, String inWords) {
}
