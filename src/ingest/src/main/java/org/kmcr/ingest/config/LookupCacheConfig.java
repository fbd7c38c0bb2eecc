package org.kmcr.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long ingest trusts what it last heard from its neighbours (docs/operations.md, "Ingest lookups"), so that a
 * feed's messages do not each ask consent and identity the same question again. Every entry expires after its time;
 * 0 turns a cache off.
 */
@ConfigMapping(prefix = "kmcr.ingest.cache")
public interface LookupCacheConfig {

    /**
     * How long a sender found in force in consent's partner register is taken as in force without asking again: a
     * withdrawal or suspension refuses the sender's messages at most this long after it is recorded. A sender not
     * in force is never cached (it is asked about on each message, so a reinstatement applies at once).
     */
    @WithDefault("10s")
    Duration partners();

    /**
     * How long a source patient that the MPI linked to a person is not resolved again for a message that sends the
     * very same patient facts and asserts no relationship and no merge (such a resolve changes nothing in the MPI).
     * Any change of the facts, a relationship or a merge, or a link not settled, asks the MPI.
     */
    @WithDefault("60s")
    Duration patients();

    /** The most source patients remembered; when full, the cache starts again empty. */
    @WithDefault("100000")
    int maxPatients();
}
