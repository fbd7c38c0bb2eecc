package org.kmcr.audit.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.kmcr.audit.config.TreeCheckConfig;
import org.kmcr.common.client.PeriodicRun;

/** Checks the Merkle tree against the newest signed checkpoint every {@code kmcr.audit.tree-check.interval}. */
@ApplicationScoped
public class TreeCheckSchedule {

    private static final Logger LOG = Logger.getLogger(TreeCheckSchedule.class);

    private final Vertx vertx;
    private final TreeCheckConfig config;
    private final PeriodicRun<TreeCheck> run;
    private volatile long timer = -1;

    TreeCheckSchedule(Vertx vertx, TreeVerifier verifier, TreeCheckConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.run = new PeriodicRun<>(verifier::check, checked -> { },
                failure -> LOG.warnf("The audit tree check could not run: %s", failure.getClass().getSimpleName()));
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.interval().toMillis(), id -> run.tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
