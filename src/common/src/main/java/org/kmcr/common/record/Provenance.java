package org.kmcr.common.record;

import java.time.Instant;

/** Who holds an item at source, their id and version for it, and when it was recorded there and received here. */
public record Provenance(String sourceOrg, String sourceSystem, String sourceId, String sourceVersion,
        Instant recordedAt, Instant receivedAt) {
}
