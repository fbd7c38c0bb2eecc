package org.kmcr.common.identity;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a source identity, computed from what identifies it (source organisation, system and local patient
 * id), so that ingest can store a message's items before the MPI has linked the patient, and a message that
 * fails leaves no link behind.
 */
public final class SourceIdentityIds {

    private SourceIdentityIds() {
    }

    /** A name-based UUID over a length-prefixed encoding, so that no two different triples encode alike. */
    public static UUID of(String sourceOrg, String sourceSystem, String localId) {
        StringBuilder key = new StringBuilder("kmcr-source-identity|");
        for (String part : new String[] {sourceOrg, sourceSystem, localId}) {
            key.append(part.length()).append(':').append(part).append('|');
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }
}
