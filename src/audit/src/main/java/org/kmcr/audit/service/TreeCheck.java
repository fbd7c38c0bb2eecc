package org.kmcr.audit.service;

import java.time.Instant;

/**
 * The result of one check of the audit Merkle tree against the newest signed checkpoint.
 *
 * @param valid          false when the tree or its entries no longer give the signed root
 * @param checkpointSize the tree size the checkpoint signed (null when there is no checkpoint of a tree yet)
 * @param checkpointAt   when that checkpoint was signed
 * @param checkedAt      when this check ran
 * @param problem        what is wrong, in words; null when valid
 */
public record TreeCheck(boolean valid, Long checkpointSize, Instant checkpointAt, Instant checkedAt,
        String problem) {
}
