package org.kmcr.audit.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.kmcr.common.client.PeriodicRun;
import org.kmcr.audit.config.AlertConfig;

/** Runs the pattern scan every {@code kmcr.audit.alerts.scan-interval}, on a Vert.x timer; runs never overlap. */
@ApplicationScoped
public class PatternSchedule {

    private static final Logger LOG = Logger.getLogger(PatternSchedule.class);

    private final Vertx vertx;
    private final AlertConfig config;
    private final PeriodicRun<Integer> run;
    private volatile long timer = -1;

    PatternSchedule(Vertx vertx, PatternScan scan, AlertConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.run = new PeriodicRun<>(scan::scanOnce, raised -> {
            if (raised > 0) {
                LOG.infof("Access patterns: %d alert(s) raised for privacy officers", raised);
            }
        }, failure -> LOG.warnf("Access pattern scan failed: %s", failure.getClass().getSimpleName()));
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.scanInterval().toMillis(), id -> run.tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
