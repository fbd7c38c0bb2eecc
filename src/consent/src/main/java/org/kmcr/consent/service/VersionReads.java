package org.kmcr.consent.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.kmcr.consent.repository.PolicyRepository;
import org.kmcr.consent.repository.PolicyRepository.ManyVersions;
import org.kmcr.consent.repository.PolicyRepository.Versions;

/**
 * The versions a decision is cached under, read for many concurrent decisions in one query. A decision is answered
 * only by a read that began after the decision was asked for, never by one already under way, so it sees every
 * change committed before it arrived (as if it had read alone); decisions that arrive while a read is under way
 * wait for the next one, which reads all of them together. Under load this turns one round trip per decision into
 * one per batch; alone, a decision reads at once.
 */
@ApplicationScoped
public class VersionReads {

    /** At most this many people in one read; more wait for the next. */
    static final int MAX_BATCH = 256;

    private record Waiting(UUID personId, UniEmitter<? super Versions> emitter, Context context) {
    }

    private final Function<Collection<UUID>, Uni<ManyVersions>> reader;
    private final Object lock = new Object();
    private List<Waiting> waiting = new ArrayList<>();
    private boolean reading;

    @Inject
    VersionReads(PolicyRepository repository) {
        this(repository::versions);
    }

    VersionReads(Function<Collection<UUID>, Uni<ManyVersions>> reader) {
        this.reader = reader;
    }

    /** The policy's version and the person's, as of a read that began after this call. */
    public Uni<Versions> of(UUID personId) {
        return Uni.createFrom().emitter(emitter -> {
            List<Waiting> batch = null;
            synchronized (lock) {
                waiting.add(new Waiting(personId, emitter, Vertx.currentContext()));
                if (!reading) {
                    reading = true;
                    batch = take();
                }
            }
            if (batch != null) {
                read(batch);
            }
        });
    }

    private List<Waiting> take() {
        if (waiting.size() <= MAX_BATCH) {
            List<Waiting> batch = waiting;
            waiting = new ArrayList<>();
            return batch;
        }
        List<Waiting> batch = new ArrayList<>(waiting.subList(0, MAX_BATCH));
        waiting = new ArrayList<>(waiting.subList(MAX_BATCH, waiting.size()));
        return batch;
    }

    private void read(List<Waiting> batch) {
        Set<UUID> people = new HashSet<>();
        batch.forEach(w -> {
            if (w.personId() != null) {
                people.add(w.personId());
            }
        });
        reader.apply(people).subscribe().with(found -> {
            next();
            batch.forEach(w -> complete(w, found.of(w.personId())));
        }, failure -> {
            next();
            batch.forEach(w -> fail(w, failure));
        });
    }

    /** Starts the read of the decisions that arrived meanwhile, if any. */
    private void next() {
        List<Waiting> batch;
        synchronized (lock) {
            batch = waiting.isEmpty() ? null : take();
            reading = batch != null;
        }
        if (batch != null) {
            read(batch);
        }
    }

    private static void complete(Waiting w, Versions versions) {
        if (w.context() == null) {
            w.emitter().complete(versions);
        } else {
            w.context().runOnContext(ignored -> w.emitter().complete(versions));
        }
    }

    private static void fail(Waiting w, Throwable failure) {
        if (w.context() == null) {
            w.emitter().fail(failure);
        } else {
            w.context().runOnContext(ignored -> w.emitter().fail(failure));
        }
    }
}
