package org.kmcr.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The MLLP listeners (docs/operations.md): each is bound to one sending organisation and system, so whoever
 * connects to a listener sends as that partner (never as the MSH-4 it writes). Network access to a listener must
 * be limited to that partner (its network, a VPN, a mutual-TLS proxy).
 */
@ConfigMapping(prefix = "kmcr.ingest.mllp")
public interface MllpConfig {

    /** The interface the listeners bind to. */
    @WithDefault("0.0.0.0")
    String host();

    /**
     * The listeners as {@code port:ODS code:system}, e.g. {@code 2575:RKM:partner-rkm-pas}; port 0 takes a free
     * port (tests). None by default: no MLLP listener runs until one is configured.
     */
    Optional<List<String>> listeners();

    /**
     * On how many event loops each listener serves its connections (one listening instance each; new connections
     * are dealt to them in turn, each connection's messages still processed in order). By default twice the
     * processors, as many as Quarkus's event loops. A listener on port 0 (tests) has one.
     */
    Optional<Integer> eventLoops();

    /** The largest message taken, in bytes; a bigger frame closes the connection. */
    @WithDefault("20971520")
    int maxMessageBytes();

    /**
     * At shutdown, how long each connection may take to finish the message it is storing and send its ACK before it
     * is closed anyway (messages not yet started get no ACK, so their senders resend them). Keep it within the
     * pod's termination grace period, beside {@code quarkus.shutdown.timeout}.
     */
    @WithDefault("15s")
    Duration drainTimeout();
}
