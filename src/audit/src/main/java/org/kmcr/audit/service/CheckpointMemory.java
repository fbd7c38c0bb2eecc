package org.kmcr.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.kmcr.audit.model.Checkpoint;

/**
 * The newest checkpoint this process has signed, kept outside the database so that verification notices
 * when it is deleted from there while the service runs.
 */
@ApplicationScoped
public class CheckpointMemory {

    private final AtomicReference<Checkpoint> newest = new AtomicReference<>();

    void remember(Checkpoint checkpoint) {
        newest.accumulateAndGet(checkpoint,
                (known, signed) -> known == null || signed.sequence > known.sequence ? signed : known);
    }

    /** Null until this process has signed a checkpoint. */
    public Checkpoint newest() {
        return newest.get();
    }
}
