package org.kmcr.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * How strictly each feed's FHIR bundles are validated (docs/operations.md, "Validation per feed"): structurally (strict
 * R4 parsing and KMCR's rules, always) or also against the UK Core profiles. A feed is a partner system, by its client
 * id; the NHS number check digit is checked on every feed.
 */
@ConfigMapping(prefix = "kmcr.ingest.validation")
public interface ValidationConfig {

    /** The strictness of a feed not named in {@link #systems()}. */
    @WithDefault("structural")
    Strictness defaultStrictness();

    /** Per partner system (client id): its strictness, e.g. {@code kmcr.ingest.validation.systems.partner-k81001-gp=uk-core}. */
    Map<String, Strictness> systems();

    /** Load the UK Core definitions at start-up (seconds) rather than on the first bundle that needs them. */
    @WithDefault("false")
    boolean warmUp();

    enum Strictness {
        /** Strict R4 parsing and KMCR's rules (docs/api.md). */
        STRUCTURAL,
        /** Also every stored resource against its UK Core profile, with the HAPI validator. */
        UK_CORE
    }
}
