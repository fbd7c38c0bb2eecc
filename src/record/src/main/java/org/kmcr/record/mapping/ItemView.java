package org.kmcr.record.mapping;

import java.time.Instant;
import java.util.UUID;
import org.kmcr.recordmodel.model.CareItem;

/** One item of the summary, with where it came from and how fresh it is. */
public record ItemView(UUID id, String resourceType, String codeSystem, String code, String display, String status,
        Instant effectiveAt, String confidentiality, int version, Provenance provenance) {

    /** Who holds the item at source, their id and version for it, and when it was recorded and received. */
    public record Provenance(String sourceOrg, String sourceSystem, String sourceId, String sourceVersion,
            Instant recordedAt, Instant receivedAt) {
    }

    static ItemView of(CareItem item) {
        return new ItemView(item.id, item.resourceType, item.codeSystem, item.code, item.display, item.status,
                item.effectiveAt, item.confidentiality, item.version,
                new Provenance(item.sourceOrg, item.sourceSystem, item.sourceId, item.sourceVersion,
                        item.recordedAt, item.receivedAt));
    }
}
