package org.kmcr.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.kmcr.audit.model.Checkpoint;

@ApplicationScoped
public class CheckpointRepository implements PanacheRepositoryBase<Checkpoint, Long> {

    /** Checkpoint writers are serialised on this transaction-scoped advisory lock. */
    private static final long CHECKPOINT_LOCK = 0x4b4d4352_43484b50L;

    public Uni<Void> lockCheckpoints() {
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + CHECKPOINT_LOCK + ")")
                .getSingleResult()).replaceWithVoid();
    }

    /** The checkpoint of the highest sequence; null when none has been written. */
    public Uni<Checkpoint> findLatest() {
        return find("order by sequence desc").firstResult();
    }

    /** Checkpoints in sequence order, starting after the given sequence. */
    public Uni<List<Checkpoint>> after(long sequence, int batchSize) {
        return find("sequence > ?1", Sort.by("sequence"), sequence).page(Page.ofSize(batchSize)).list();
    }

    /** Forgets the entities loaded so far, so that a long walk keeps the session small. */
    public Uni<Void> forgetLoaded() {
        return getSession().invoke(session -> session.clear()).replaceWithVoid();
    }
}
