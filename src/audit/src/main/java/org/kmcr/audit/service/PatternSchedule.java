package org.kmcr.audit.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.kmcr.audit.config.AlertConfig;

/** Runs the pattern scan every {@code kmcr.audit.alerts.scan-interval}, on a Vert.x timer; runs never overlap. */
@ApplicationScoped
public class PatternSchedule {

    private static final Logger LOG = Logger.getLogger(PatternSchedule.class);

    private final Vertx vertx;
    private final PatternScan scan;
    private final AlertConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    PatternSchedule(Vertx vertx, PatternScan scan, AlertConfig config) {
        this.vertx = vertx;
        this.scan = scan;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.scanInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                VertxContextSupport.subscribe(() -> scan.scanOnce().toMulti(), subscription -> subscription.with(
                        raised -> {
                            if (raised > 0) {
                                LOG.infof("Access patterns: %d alert(s) raised for privacy officers", raised);
                            }
                        }, failure -> {
                            running.set(false);
                            LOG.warnf("Access pattern scan failed: %s", failure.getClass().getSimpleName());
                        }, () -> running.set(false)));
            } catch (RuntimeException e) {
                running.set(false);
                LOG.warnf("Access pattern scan failed: %s", e.getClass().getSimpleName());
            }
        });
    }
}
