package org.kmcr.common.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One item of the record as the caller may see it. The same thing reported by several sources (a medication the
 * GP and the hospital both list) is one item with every reporting source in {@code sources}, the most recently
 * received first; {@code id} and {@code version} are those of the first.
 */
public record RecordItem(UUID id, String category, String resourceType, String codeSystem, String code,
        String display, String status, Instant effectiveAt, String confidentiality, int version,
        List<Provenance> sources) {
}
