package org.kmcr.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The service's own check of its Merkle tree against its newest signed checkpoint (TreeVerifier). */
@ConfigMapping(prefix = "kmcr.audit.tree-check")
public interface TreeCheckConfig {

    /** How often the tree is checked. */
    @WithDefault("5m")
    Duration interval();
}
