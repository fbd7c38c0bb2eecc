package org.kmcr.auditverifier;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hash of an audit entry: SHA-256 over every recorded field and its predecessor's hash, in a fixed,
 * length-prefixed encoding so that no two different entries encode alike. The entry hash is also the entry's leaf
 * in the Merkle tree ({@link Hashes#leafOfEntry}).
 */
public final class EntryHash {

    /** The predecessor hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The hashed fields, in order, by the names an export uses. */
    public static final List<String> FIELDS = List.of("sequence", "eventId", "occurredAt", "recordedAt", "action",
            "outcome", "actorUserId", "actorName", "actorRole", "actorOrg", "actorRoleProfile", "actorRoleCode",
            "actorClient", "purpose", "accessBasis", "breakGlassReason", "subjectPersonId", "subjectNhsNumber",
            "categories", "prevHash");

    private EntryHash() {
    }

    /**
     * @param values the text of each of {@link #FIELDS}, in that order; null for an absent value (instants as
     *               {@link java.time.Instant#toString()} writes them)
     */
    public static String of(List<String> values) {
        if (values.size() != FIELDS.size()) {
            throw new IllegalArgumentException("An audit entry has " + FIELDS.size() + " hashed fields, not "
                    + values.size());
        }
        StringBuilder canonical = new StringBuilder();
        for (String value : values) {
            String text = value == null ? "\u0000" : value;
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        return Hashes.hex(Hashes.sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
