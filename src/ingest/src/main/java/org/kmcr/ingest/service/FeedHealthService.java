package org.kmcr.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.kmcr.common.ingest.FeedHealth;
import org.kmcr.ingest.repository.FeedHealthRepository;

/** Feed health per source, and the hourly pruning of the accepted-message counts older than their retention. */
@ApplicationScoped
public class FeedHealthService {

    /** How long accepted messages are counted: the last message time is known for this long. */
    public static final Duration RETENTION = Duration.ofDays(8);
    private static final Logger LOG = Logger.getLogger(FeedHealthService.class);

    private final FeedHealthRepository repository;
    private final Vertx vertx;

    FeedHealthService(FeedHealthRepository repository, Vertx vertx) {
        this.repository = repository;
        this.vertx = vertx;
    }

    /** The sources of the organisation; null for every organisation's. */
    @WithSession
    public Uni<List<FeedHealth>> health(String org) {
        return repository.health(org, Instant.now());
    }

    @WithTransaction
    public Uni<Long> prune() {
        return repository.pruneBefore(Instant.now().minus(RETENTION));
    }

    void schedulePruning(@Observes StartupEvent start) {
        vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> {
            io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> prune().subscribe().with(
                    pruned -> LOG.debugf("Feed health: %d accepted-message counts pruned", pruned),
                    failure -> LOG.warnf("Feed health pruning failed: %s", failure.getMessage())));
        });
    }
}
