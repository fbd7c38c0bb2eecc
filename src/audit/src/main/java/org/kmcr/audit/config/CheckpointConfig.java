package org.kmcr.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Signed checkpoints of the audit chain's head. */
@ConfigMapping(prefix = "kmcr.audit.checkpoint")
public interface CheckpointConfig {

    /** Base64 PKCS#8 Ed25519 private key; a committed demo value starts with {@code demo-only:}. */
    String privateKey();

    /** Base64 X.509 Ed25519 public key of {@link #privateKey()}. */
    String publicKey();

    /** Earlier public keys (base64 X.509), so that checkpoints signed before a key change still verify. */
    Optional<List<String>> retiredPublicKeys();

    /** How often the head is signed when it has moved. */
    @WithDefault("10s")
    Duration interval();
}
