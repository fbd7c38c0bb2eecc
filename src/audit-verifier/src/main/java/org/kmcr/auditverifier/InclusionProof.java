package org.kmcr.auditverifier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * That the entry of {@code sequence} (leaf {@code sequence - 1}) is in the log's tree of {@code treeSize} entries:
 * the audit path of RFC 9162 section 2.1.3, hex hashes from the leaf upwards. It proves the entry only against a
 * root from a signed checkpoint of that size.
 *
 * @param entryHash the entry's hash, which is its leaf (recompute it from the entry's fields to tie them in)
 * @param rootHash  the root the service computed; a verifier compares with the signed root instead
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InclusionProof(long sequence, long treeSize, String entryHash, List<String> path, String rootHash) {

    /** Whether the path leads from this entry hash to the given root. */
    public boolean leadsTo(String expectedRoot) {
        try {
            return MerkleProofs.verifyInclusion(sequence - 1, treeSize, Hashes.leafOfEntry(entryHash),
                    path.stream().map(Hashes::unhex).toList(), Hashes.unhex(expectedRoot));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }
}
