package org.kmcr.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the matcher reads the index; the weights and thresholds themselves are shipped data (matching package). */
@ConfigMapping(prefix = "kmcr.identity.matching")
public interface MatchingConfig {

    /** At most this many candidates per blocking key, so a very common key cannot crowd out the others. */
    @WithDefault("40")
    int candidatesPerKey();

    /** How old the name frequencies of the index may grow before they are counted again (in the background). */
    @WithDefault("PT1M")
    Duration frequencyRefresh();

    /** Below this many source identities, names are weighed by the shipped u rather than by their frequency. */
    @WithDefault("10000")
    long frequencyMinimumIndexSize();
}
