package org.kmcr.common.identity;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of a source identity, computed from its key alone, so that ingest can store a bundle's items before
 * it asks the MPI to resolve the patient, and the MPI gives the new source identity that very id.
 */
public final class SourceIdentityIds {

    private static final String NAMESPACE = "kmcr:source-identity:v1";

    private SourceIdentityIds() {
    }

    /**
     * A name-based (version 3) UUID over an unambiguous encoding of the key: each part as UTF-8, prefixed by
     * its length, after a fixed namespace, so that no two different keys encode alike.
     */
    public static UUID of(String sourceOrg, String sourceSystem, String localId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String part : new String[] {NAMESPACE, Objects.requireNonNull(sourceOrg, "sourceOrg"),
                    Objects.requireNonNull(sourceSystem, "sourceSystem"), Objects.requireNonNull(localId, "localId")}) {
                byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UUID.nameUUIDFromBytes(bytes.toByteArray());
    }
}
