package org.kmcr.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kmcr.audit.config.CheckpointConfig;
import org.kmcr.audit.model.Checkpoint;

class CheckpointSignerTest {

    static final Instant AT = Instant.parse("2026-01-01T10:00:00.123456Z");

    @Test
    void theDemoPrefixIsStrippedAndASignedCheckpointVerifies() throws Exception {
        KeyPair keys = keys();
        CheckpointSigner signer = new CheckpointSigner(config("demo-only:" + privateKey(keys), publicKey(keys)));

        Checkpoint checkpoint = signer.sign(42, "ef".repeat(32), "ab".repeat(32), AT);

        assertEquals(CheckpointSigner.keyId(publicKey(keys)), checkpoint.keyId);
        assertNull(signer.problemWith(checkpoint));
    }

    @Test
    void anyChangeToASignedCheckpointBreaksItsSignature() throws Exception {
        KeyPair keys = keys();
        CheckpointSigner signer = new CheckpointSigner(config(privateKey(keys), publicKey(keys)));
        Checkpoint checkpoint = signer.sign(42, "ef".repeat(32), "ab".repeat(32), AT);

        checkpoint.sequence = 43;
        assertTrue(signer.problemWith(checkpoint).startsWith("its signature does not verify"));
        checkpoint.sequence = 42;
        assertNull(signer.problemWith(checkpoint));
        checkpoint.rootHash = "00".repeat(32);
        assertTrue(signer.problemWith(checkpoint).startsWith("its signature does not verify"));
    }

    @Test
    void aPrivateKeyThatDoesNotMatchThePublicKeyStopsTheService() throws Exception {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new CheckpointSigner(config(privateKey(keys()), publicKey(keys()))));
        assertTrue(refused.getMessage().contains("does not belong to kmcr.audit.checkpoint.public-key"));
        assertThrows(IllegalStateException.class, () -> new CheckpointSigner(config("not a key", publicKey(keys()))));
    }

    @Test
    void checkpointsSignedWithARetiredKeyStillVerify() throws Exception {
        KeyPair old = keys();
        Checkpoint signedBefore = new CheckpointSigner(config(privateKey(old), publicKey(old)))
                .sign(7, "ef".repeat(32), "cd".repeat(32), AT);
        KeyPair current = keys();

        CheckpointSigner rotated = new CheckpointSigner(config(privateKey(current), publicKey(current),
                List.of(publicKey(old))));
        CheckpointSigner forgotten = new CheckpointSigner(config(privateKey(current), publicKey(current)));

        assertNull(rotated.problemWith(signedBefore));
        assertTrue(forgotten.problemWith(signedBefore).contains("which is not a configured checkpoint key"));
    }

    static CheckpointConfig config(String privateKey, String publicKey) {
        return config(privateKey, publicKey, null);
    }

    static CheckpointConfig config(String privateKey, String publicKey, List<String> retired) {
        return new CheckpointConfig() {
            @Override
            public String privateKey() {
                return privateKey;
            }

            @Override
            public String publicKey() {
                return publicKey;
            }

            @Override
            public Optional<List<String>> retiredPublicKeys() {
                return Optional.ofNullable(retired);
            }

            @Override
            public Duration interval() {
                return Duration.ofSeconds(10);
            }
        };
    }

    static KeyPair keys() throws NoSuchAlgorithmException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static String privateKey(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
    }

    static String publicKey(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }
}
