package org.kmcr.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Writes an audit event into this service's outbox table, in the caller's current Hibernate Reactive transaction:
 * call it from a {@code @WithTransaction} service method, beside the change the event describes. The change and
 * its event commit together or not at all; {@link AuditOutboxRelay} then delivers the event to the audit service,
 * however long that is down. The event's id, chosen here by the caller, is the idempotency key all the way.
 *
 * <p>For changes only. A read whose audit entry must be durable before anything is shown (a disclosure, a
 * governance read) stays synchronous through {@link AuditClient} or {@link GovernanceAudit}, failing closed.
 *
 * <p>The table (one per service, in its own schema; see the {@code V*__audit_outbox.sql} migrations):
 * {@code position bigserial} (send order), {@code event_id uuid unique}, {@code event jsonb} (the
 * {@link AuditEvent} as sent), {@code created_at}, {@code attempts} and {@code last_failure} (a status or exception
 * class, never content).
 */
@ApplicationScoped
@IfBuildProperty(name = AuditOutboxConfig.ENABLED, stringValue = "true")
public class AuditOutbox {

    static final Pattern TABLE = Pattern.compile("[a-z_]+\\.[a-z_]+");

    private final ObjectMapper json;
    private final String insert;

    AuditOutbox(ObjectMapper json, AuditOutboxConfig config) {
        this.json = json;
        // the JSON goes as text and is parsed by PostgreSQL (a String bound to jsonb would be stored as a JSON string)
        this.insert = "INSERT INTO " + table(config)
                + " (event_id, event) VALUES (:id, cast(cast(:event AS text) AS jsonb))";
    }

    /** Adds the event to the outbox in the current transaction; fails (and so rolls the change back) if it cannot. */
    public Uni<Void> add(AuditEvent event) {
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("An audit event could not be written", e));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(insert)
                .setParameter("id", event.id()).setParameter("event", body).executeUpdate()).replaceWithVoid();
    }

    /** The configured table name, checked to be {@code schema.table} (it is put into SQL). */
    static String table(AuditOutboxConfig config) {
        if (!TABLE.matcher(config.table()).matches()) {
            throw new IllegalStateException("kmcr.audit.outbox.table must be <schema>.<table>, not " + config.table());
        }
        return config.table();
    }
}
