package org.kmcr.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kmcr.audit.config.CheckpointConfig;
import org.kmcr.audit.model.Checkpoint;
import org.kmcr.auditverifier.CheckpointText;

/**
 * Signs checkpoints with the audit service's Ed25519 key and verifies them with the configured public keys.
 * The key pair is checked when the service starts: a private key that does not match the public key is refused.
 */
@ApplicationScoped
public class CheckpointSigner {

    public static final String ALGORITHM = CheckpointText.ALGORITHM;
    /** Marks the committed local demo private key; stripped before use. */
    static final String DEMO_PREFIX = org.kmcr.common.config.DemoSecretGuard.DEMO_PREFIX;

    private final PrivateKey privateKey;
    private final String publicKey;
    private final String keyId;
    private final Map<String, PublicKey> verificationKeys = new LinkedHashMap<>();

    CheckpointSigner(CheckpointConfig config) {
        this.privateKey = privateKey(config.privateKey());
        this.publicKey = config.publicKey().strip();
        this.keyId = keyId(publicKey);
        verificationKeys.put(keyId, publicKey(publicKey, "kmcr.audit.checkpoint.public-key"));
        for (String retired : config.retiredPublicKeys().orElse(List.of())) {
            verificationKeys.put(keyId(retired.strip()),
                    publicKey(retired.strip(), "kmcr.audit.checkpoint.retired-public-keys"));
        }
        String probe = signedText(0, ChainHash.GENESIS, ChainHash.GENESIS, Instant.EPOCH);
        if (!CheckpointText.verifies(verificationKeys.get(keyId), probe, sign(probe))) {
            throw new IllegalStateException("kmcr.audit.checkpoint.private-key does not belong to "
                    + "kmcr.audit.checkpoint.public-key: set both from one Ed25519 key pair");
        }
    }

    /**
     * The exact text a checkpoint's signature covers (UTF-8), so that anyone holding the public key can check a
     * checkpoint kept elsewhere ({@link CheckpointText}); {@code rootHash} null for a version 1 checkpoint.
     */
    public static String signedText(long sequence, String rootHash, String headHash, Instant signedAt) {
        return CheckpointText.of(sequence, rootHash, headHash, signedAt);
    }

    /** The text a stored checkpoint's signature covers. */
    public static String signedText(Checkpoint c) {
        return signedText(c.sequence, c.rootHash, c.headHash, c.signedAt);
    }

    /** The id of a public key: the first 16 hex digits of the SHA-256 of its base64 X.509 form. */
    public static String keyId(String publicKeyBase64) {
        return CheckpointText.keyId(publicKeyBase64);
    }

    /** The id of the current signing key. */
    public String keyId() {
        return keyId;
    }

    /** The current public key, base64 X.509. */
    public String publicKey() {
        return publicKey;
    }

    /** A new, signed checkpoint of the log of {@code sequence} entries with the given root and head. */
    public Checkpoint sign(long sequence, String rootHash, String headHash, Instant signedAt) {
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.sequence = sequence;
        checkpoint.rootHash = rootHash;
        checkpoint.headHash = headHash;
        checkpoint.signedAt = signedAt;
        checkpoint.keyId = keyId;
        checkpoint.signature = sign(signedText(checkpoint));
        return checkpoint;
    }

    /** Why a checkpoint's signature is not to be trusted, in words; null when a configured key verifies it. */
    public String problemWith(Checkpoint checkpoint) {
        PublicKey key = verificationKeys.get(checkpoint.keyId);
        if (key == null) {
            return "it names key " + checkpoint.keyId + ", which is not a configured checkpoint key";
        }
        if (!CheckpointText.verifies(key, signedText(checkpoint), checkpoint.signature)) {
            return "its signature does not verify with key " + checkpoint.keyId;
        }
        return null;
    }

    private String sign(String text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign an audit checkpoint", e);
        }
    }

    private static PrivateKey privateKey(String configured) {
        String base64 = configured.strip();
        if (base64.startsWith(DEMO_PREFIX)) {
            base64 = base64.substring(DEMO_PREFIX.length());
        }
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "kmcr.audit.checkpoint.private-key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    private static PublicKey publicKey(String base64, String property) {
        try {
            return CheckpointText.publicKey(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not a base64 X.509 Ed25519 public key", e);
        }
    }
}
