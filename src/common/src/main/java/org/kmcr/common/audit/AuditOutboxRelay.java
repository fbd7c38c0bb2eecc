package org.kmcr.common.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.kmcr.common.client.PeriodicRun;
import org.kmcr.common.problem.ProblemException;

/**
 * Delivers this service's outbox ({@link AuditOutbox}) to the audit service. Every
 * {@code kmcr.audit.outbox.poll-interval}, one round, in one transaction: take the oldest waiting events (rows
 * locked with {@code SKIP LOCKED}, so replicas share the work and never send a row at the same time), send them to
 * audit in one request (audit's group commit takes them in one batch), delete the ones audit has committed and count
 * an attempt, with the reason, on the others, which stay for the next round. After a round with failures the relay
 * backs off, doubling up to {@code kmcr.audit.outbox.max-backoff}; after a full round the next starts at once.
 * Nothing is ever dropped: an event leaves the outbox only once audit has answered with its receipt. A row sent
 * twice (audit committed it, then this transaction failed) is recorded once, because its id is the idempotency key.
 */
@ApplicationScoped
@IfBuildProperty(name = AuditOutboxConfig.ENABLED, stringValue = "true")
public class AuditOutboxRelay {

    private static final Logger LOG = Logger.getLogger(AuditOutboxRelay.class);

    /** What one round did: events delivered and events that must wait for another round. */
    public record Round(int sent, int waiting) {
    }

    private record Sent(long position, String failure) {
    }

    private final AuditClient audit;
    private final ObjectMapper json;
    private final AuditOutboxConfig config;
    private final Vertx vertx;
    private final String select;
    private final String delete;
    private final String failed;
    private final PeriodicRun<Round> run;
    private volatile long timer = -1;
    private volatile long notBefore;
    private volatile Duration backoff = Duration.ZERO;

    AuditOutboxRelay(AuditClient audit, ObjectMapper json, AuditOutboxConfig config, Vertx vertx) {
        this.audit = audit;
        this.json = json;
        this.config = config;
        this.vertx = vertx;
        String table = AuditOutbox.table(config);
        this.select = "SELECT position, event::text FROM " + table
                + " ORDER BY position LIMIT :limit FOR UPDATE SKIP LOCKED";
        this.delete = "DELETE FROM " + table + " WHERE position IN (:positions)";
        this.failed = "UPDATE " + table + " SET attempts = attempts + 1, last_failure = :failure"
                + " WHERE position = :position";
        this.run = new PeriodicRun<>(this::relay, this::done, this::broke);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> {
            if (System.nanoTime() - notBefore >= 0) {
                run.tick();
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round now (the schedule runs them; tests call it directly). Must run on a safe Vert.x context. */
    public Uni<Round> relay() {
        Context context = Vertx.currentContext();
        Executor back = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(select, Object[].class).setParameter("limit", config.batchSize()).getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(new Round(0, 0))
                        : sendAll(rows).emitOn(back)
                                .chain(results -> settle(session, results)))));
    }

    /** Sends the readable rows in one request; each row comes back with the reason it must wait, or none. */
    private Uni<List<Sent>> sendAll(List<Object[]> rows) {
        List<Sent> unreadable = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        for (Object[] row : rows) {
            long position = ((Number) row[0]).longValue();
            try {
                events.add(json.readValue((String) row[1], AuditEvent.class));
                positions.add(position);
            } catch (Exception broken) {
                unreadable.add(new Sent(position, "unreadable: " + broken.getClass().getSimpleName()));
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(unreadable);
        }
        return audit.recordAll(events).map(outcomes -> {
            if (outcomes.size() != events.size()) {
                throw new IllegalStateException("audit answered " + outcomes.size() + " outcomes for "
                        + events.size() + " events");
            }
            List<Sent> results = new ArrayList<>(unreadable);
            for (int i = 0; i < outcomes.size(); i++) {
                AuditBatchOutcome outcome = outcomes.get(i);
                results.add(new Sent(positions.get(i), outcome.isCommitted() ? null : String.valueOf(outcome.status())));
            }
            return results;
        }).onFailure().recoverWithItem(failure -> {
            List<Sent> results = new ArrayList<>(unreadable);
            String reason = reason(failure);
            positions.forEach(position -> results.add(new Sent(position, reason)));
            return results;
        });
    }

    private Uni<Round> settle(Mutiny.Session session, List<Sent> results) {
        List<Long> sent = new ArrayList<>();
        List<Sent> waiting = new ArrayList<>();
        results.forEach(result -> {
            if (result.failure() == null) {
                sent.add(result.position());
            } else {
                waiting.add(result);
            }
        });
        Uni<Void> deleted = sent.isEmpty() ? Uni.createFrom().voidItem()
                : session.createNativeQuery(delete).setParameter("positions", sent).executeUpdate().replaceWithVoid();
        return deleted.chain(() -> countAttempts(session, waiting)).map(ignored -> new Round(sent.size(),
                waiting.size()));
    }

    private Uni<Void> countAttempts(Mutiny.Session session, List<Sent> waiting) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Sent result : waiting) {
            chain = chain.chain(() -> session.createNativeQuery(failed).setParameter("failure", result.failure())
                    .setParameter("position", result.position()).executeUpdate().replaceWithVoid());
        }
        return chain;
    }

    /** Why audit did not take an event: a status or an exception class, never content. */
    private static String reason(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return String.valueOf(problem.status());
        }
        if (failure instanceof WebApplicationException web) {
            return String.valueOf(web.getResponse().getStatus());
        }
        return failure.getClass().getSimpleName();
    }

    private void done(Round round) {
        if (round.waiting() == 0) {
            if (!backoff.isZero()) {
                LOG.infof("The audit outbox is delivering again (%d events sent)", round.sent());
            }
            backoff = Duration.ZERO;
            if (round.sent() == config.batchSize()) {
                // a full round: more are probably waiting, so the next round starts now, not at the next poll (this
                // round's run ends after this callback, hence the timer)
                vertx.setTimer(1, id -> run.tick());
            }
            return;
        }
        backOff(round.waiting() + " audit events could not be delivered (" + round.sent() + " were)");
    }

    private void broke(Throwable failure) {
        backOff("the audit outbox could not be read (" + failure.getClass().getSimpleName() + ")");
    }

    /** Logged as a warning when delivery first fails, then quietly until it works again. */
    private void backOff(String why) {
        boolean first = backoff.isZero();
        Duration doubled = first ? config.pollInterval().multipliedBy(2) : backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
        notBefore = System.nanoTime() + backoff.toNanos();
        if (first) {
            LOG.warnf("%s; they stay in the outbox, next attempt in %s", why, backoff);
        } else {
            LOG.debugf("%s; they stay in the outbox, next attempt in %s", why, backoff);
        }
    }
}
