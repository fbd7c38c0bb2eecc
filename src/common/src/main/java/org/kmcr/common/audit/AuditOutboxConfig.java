package org.kmcr.common.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The transactional audit outbox of a service ({@link AuditOutbox}, {@link AuditOutboxRelay}). A service turns it on
 * at build time with {@code kmcr.audit.outbox.enabled=true} and names its table, e.g. {@code identity.audit_outbox}.
 */
@ConfigMapping(prefix = "kmcr.audit.outbox")
public interface AuditOutboxConfig {

    /** The build property that turns the outbox and its relay on. */
    String ENABLED = "kmcr.audit.outbox.enabled";

    /** Whether this service has an outbox (a build-time switch: see {@link #ENABLED}). */
    @WithDefault("false")
    boolean enabled();

    /** The outbox table, schema-qualified: {@code <schema>.audit_outbox}, created by the service's migrations. */
    @WithDefault("audit_outbox")
    String table();

    /** How often the relay looks for events to send. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** At most this many events are sent in one round (one transaction of the relay). */
    @WithDefault("200")
    int batchSize();

    /** After a failed round the relay waits, doubling from the poll interval up to this. */
    @WithDefault("10s")
    Duration maxBackoff();
}
