package org.kmcr.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Group commit of appends. */
@ConfigMapping(prefix = "kmcr.audit.append")
public interface AppendConfig {

    /** The most events one transaction commits; more waiting go in the next one. */
    @WithDefault("1000")
    int maxBatch();
}
