package org.kmcr.consent.repository;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A transaction-scoped PostgreSQL advisory lock on a text key, so that two concurrent upserts of the same
 * natural key run one after the other instead of both inserting.
 */
final class AdvisoryLock {

    private AdvisoryLock() {
    }

    static Uni<Void> on(Mutiny.Session session, String key) {
        return session.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", key).getSingleResult().replaceWithVoid();
    }
}
