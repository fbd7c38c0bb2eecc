package org.kmcr.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Bulk extracts (docs/operations.md, "Bulk social care extracts"): how big, how they are spooled and batched. */
@ConfigMapping(prefix = "kmcr.ingest.bulk")
public interface BulkConfig {

    /**
     * The largest extract taken, in bytes (2 GiB). The HTTP layer's own limit, {@code quarkus.http.limits.max-body-size},
     * must be at least this; every other endpoint keeps its own limit ({@link #otherBodyBytes}).
     */
    @WithDefault("2147483648")
    long maxBytes();

    /** The largest body of every other endpoint (a FHIR bundle, an HL7 v2 message), in bytes. */
    @WithDefault("20971520")
    long otherBodyBytes();

    /** Rows per batch: one write statement, one resolve per distinct person, one report insert each. */
    @WithDefault("500")
    int batchRows();

    /** How many extracts one instance loads at once; more wait their turn (state queued). */
    @WithDefault("1")
    int parallelJobs();

    /** Where an upload is spooled while its job runs (deleted at the end); the system's temporary directory if unset. */
    Optional<String> spoolDirectory();
}
