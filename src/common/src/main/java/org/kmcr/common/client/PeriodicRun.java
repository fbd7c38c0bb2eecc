package org.kmcr.common.client;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One run of a periodic reactive job, started from a Vert.x timer: handed to a worker, which subscribes on a new
 * safe Vert.x context (so the job may use Hibernate Reactive); a tick while a run is under way is skipped, so runs
 * never overlap.
 */
public final class PeriodicRun<T> {

    private final Supplier<Uni<T>> job;
    private final Consumer<T> done;
    private final Consumer<Throwable> failed;
    private final AtomicBoolean running = new AtomicBoolean();

    public PeriodicRun(Supplier<Uni<T>> job, Consumer<T> done, Consumer<Throwable> failed) {
        this.job = job;
        this.done = done;
        this.failed = failed;
    }

    /** Called on the event loop. */
    public void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                VertxContextSupport.subscribe(() -> job.get().toMulti(), subscription -> subscription.with(done,
                        this::fail, () -> running.set(false)));
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    private void fail(Throwable failure) {
        running.set(false);
        failed.accept(failure);
    }
}
