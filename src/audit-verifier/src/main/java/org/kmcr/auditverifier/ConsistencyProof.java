package org.kmcr.auditverifier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * That the log's tree of {@code fromSize} entries is a prefix of its tree of {@code toSize}: RFC 9162 section
 * 2.1.4, hex hashes. Nothing was changed, removed or inserted among the first {@code fromSize} entries if it
 * verifies against the roots of two signed checkpoints.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsistencyProof(long fromSize, long toSize, List<String> proof, String fromRoot, String toRoot) {

    /** Whether the proof shows the tree with root {@code expectedFrom} is a prefix of that with {@code expectedTo}. */
    public boolean links(String expectedFrom, String expectedTo) {
        try {
            return MerkleProofs.verifyConsistency(fromSize, toSize, Hashes.unhex(expectedFrom),
                    Hashes.unhex(expectedTo), proof.stream().map(Hashes::unhex).toList());
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }
}
