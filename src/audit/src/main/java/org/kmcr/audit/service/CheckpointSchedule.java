package org.kmcr.audit.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.kmcr.common.client.PeriodicRun;
import org.kmcr.audit.config.CheckpointConfig;
import org.kmcr.auditverifier.SignedCheckpoint;

/**
 * Signs the chain's head every {@code kmcr.audit.checkpoint.interval} when it has moved, on a Vert.x timer; each
 * run is a reactive transaction on its own safe Vert.x context, and runs never overlap. The signing key pair is
 * checked at start, so a wrong key stops the service there.
 */
@ApplicationScoped
public class CheckpointSchedule {

    private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class);

    private final Vertx vertx;
    private final CheckpointSigner signer;
    private final CheckpointConfig config;
    private final PeriodicRun<SignedCheckpoint> run;
    private volatile long timer = -1;
    private volatile String lastRefusal;

    CheckpointSchedule(Vertx vertx, CheckpointService checkpoints, CheckpointSigner signer, CheckpointConfig config) {
        this.vertx = vertx;
        this.signer = signer;
        this.config = config;
        this.run = new PeriodicRun<>(checkpoints::takeIfHeadMoved, signed -> lastRefusal = null, this::refused);
    }

    void start(@Observes StartupEvent event) {
        LOG.infof("Audit checkpoints are signed with key %s every %s when the chain's head has moved",
                signer.keyId(), config.interval());
        timer = vertx.setPeriodic(config.interval().toMillis(), id -> run.tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** A refusal is an alarm: logged as a warning the first time, then quietly while it stays the same. */
    private void refused(Throwable failure) {
        String message = failure.getMessage();
        if (Objects.equals(message, lastRefusal)) {
            LOG.debugf("Audit checkpoint still not signed: %s", message);
        } else {
            LOG.warnf("Audit checkpoint not signed: %s", message);
            lastRefusal = message;
        }
    }
}
