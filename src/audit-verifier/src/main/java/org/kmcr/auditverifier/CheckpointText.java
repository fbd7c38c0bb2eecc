package org.kmcr.auditverifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * What a checkpoint's Ed25519 signature covers, and how to check it. Version 2 signs the tree size, the Merkle
 * root, the newest entry's hash and the time; version 1 (checkpoints signed before the Merkle tree) has no root.
 */
public final class CheckpointText {

    public static final String ALGORITHM = "Ed25519";

    private CheckpointText() {
    }

    /** The UTF-8 text a checkpoint's signature covers; {@code rootHash} null for a version 1 checkpoint. */
    public static String of(long treeSize, String rootHash, String headHash, Instant signedAt) {
        return rootHash == null
                ? "kmcr-audit-checkpoint/v1\n" + treeSize + "\n" + headHash + "\n" + signedAt
                : "kmcr-audit-checkpoint/v2\n" + treeSize + "\n" + rootHash + "\n" + headHash + "\n" + signedAt;
    }

    /** The id of a public key: the first 16 hex digits of the SHA-256 of its base64 X.509 form. */
    public static String keyId(String publicKeyBase64) {
        return Hashes.hex(Hashes.sha256().digest(publicKeyBase64.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    /** An Ed25519 public key from its base64 X.509 form; an {@link IllegalArgumentException} when it is not one. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }

    /** Whether the base64 signature over the text verifies with the key; false for a malformed signature. */
    public static boolean verifies(PublicKey key, String text, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
