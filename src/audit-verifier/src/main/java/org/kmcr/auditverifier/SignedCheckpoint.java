package org.kmcr.auditverifier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A checkpoint as published, with what is needed to check it anywhere: the exact signed text, the algorithm
 * and the public key. The same record is what the audit service answers and what the verifier reads.
 *
 * @param sequence   the number of entries covered (kept beside {@code treeSize} for earlier readers)
 * @param treeSize   the number of entries covered: the size of the Merkle tree signed
 * @param rootHash   hex root of that tree; null on a checkpoint signed before the tree existed
 * @param headHash   hex hash of the newest entry covered
 * @param publicKey  base64 X.509 key that verifies the signature, when it is the current key; null otherwise
 * @param signedText the UTF-8 text the signature covers
 * @param verified   whether a configured key verifies the signature (false for a forged row); the verifier
 *                   never believes it and checks the signature itself
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignedCheckpoint(long sequence, long treeSize, String rootHash, String headHash, Instant signedAt,
        String algorithm, String keyId, String publicKey, String signature, String signedText, boolean verified) {

    /** The text the signature covers, rebuilt from the fields (never taken from {@code signedText}). */
    public String text() {
        return CheckpointText.of(treeSize, rootHash, headHash, signedAt);
    }
}
