package org.kmcr.audit.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.kmcr.audit.config.AppendConfig;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.repository.AppendRepository;
import org.kmcr.audit.repository.TreeRepository;
import org.kmcr.auditverifier.CompactRange;
import org.kmcr.auditverifier.Node;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.problem.ProblemException;

/**
 * Group commit: appends wait in a queue, and one writer at a time takes everything waiting (up to
 * {@code kmcr.audit.append.max-batch}) into one transaction: lock the log, look up the batch's event ids, chain
 * the new entries after the head, append them to the Merkle tree, insert entries and completed tree nodes, and
 * commit (one fsync). Only then is each waiting request answered with its receipt, on its own Vert.x context. While
 * one batch commits the next one gathers, so the rate grows with concurrency. A failed batch fails every request
 * in it, and nothing of it is written. The tree's right edge is kept in memory and read again whenever the head
 * moved elsewhere (another replica) or a batch failed.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private record Pending(AuditEvent event, UniEmitter<? super AuditReceipt> emitter, Context context) {
    }

    private final Pool pool;
    private final AppendRepository appends;
    private final TreeRepository tree;
    private final int maxBatch;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile CompactRange known;
    private final AuditClock clock;
    private final DistributionSummary batchSizes;
    private final Timer batchTimes;

    GroupCommit(Pool pool, AppendRepository appends, TreeRepository tree, AppendConfig config, MeterRegistry meters,
            AuditClock clock) {
        this.clock = clock;
        this.batchSizes = DistributionSummary.builder("kmcr.audit.append.batch.size")
                .description("Events per group commit").register(meters);
        this.batchTimes = Timer.builder("kmcr.audit.append.batch.duration")
                .description("Time of one group commit transaction, from its start to its commit").register(meters);
        this.pool = pool;
        this.appends = appends;
        this.tree = tree;
        this.maxBatch = config.maxBatch();
    }

    /** Commits the event with the others waiting; the receipt arrives once the transaction has committed. */
    public Uni<AuditReceipt> append(AuditEvent event) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Pending(event, emitter, Vertx.currentContext()));
            writeWaiting();
        });
    }

    /** How many appends wait for the next batch. */
    public int waiting() {
        return queue.size();
    }

    private void writeWaiting() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < maxBatch && (next = queue.poll()) != null;) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            if (!queue.isEmpty()) {
                writeWaiting();
            }
            return;
        }
        batchSizes.record(batch.size());
        long started = System.nanoTime();
        pool.withConnection(connection -> commit(connection, batch.stream().map(Pending::event).toList()))
                .onTermination().invoke(() -> batchTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                .subscribe().with(done -> finish(batch, done, null), failure -> finish(batch, null, failure));
    }

    /**
     * One transaction in two round trips. {@code BEGIN}, the lock, the event id look-up and the head are sent together
     * (pipelined on the connection): PostgreSQL runs them in order, and each statement takes its snapshot when it
     * starts, so the look-up and the head are read only once the lock is held. The inserts and {@code COMMIT} go
     * together in the same way: if an insert fails, PostgreSQL has aborted the transaction and the {@code COMMIT}
     * that follows rolls it back, so nothing of the batch is written; the failure is the insert's, and the
     * connection is rolled back again before it returns to the pool, whatever failed.
     */
    private Uni<AppendBatch> commit(SqlConnection connection, List<AuditEvent> events) {
        Uni<Void> begun = connection.query("BEGIN").execute().replaceWithVoid();
        Uni<Void> locked = appends.lockLog(connection);
        Uni<Map<UUID, AuditEntry>> existing = appends.withEventIds(connection,
                events.stream().map(AuditEvent::id).distinct().toList());
        Uni<AuditEntry> head = appends.head(connection);
        return Uni.combine().all().unis(begun, locked, existing, head).asTuple()
                .chain(read -> {
                    AuditEntry newest = read.getItem4();
                    return treeAt(connection, newest == null ? 0 : newest.sequence).chain(current -> {
                        AppendBatch batch = AppendBatch.of(events, newest, current, read.getItem3(), clock.now());
                        Uni<Void> written = batch.entries().isEmpty() ? Uni.createFrom().voidItem()
                                : appends.insert(connection, batch.entries(), batch.nodes());
                        Uni<Void> committed = connection.query("COMMIT").execute().replaceWithVoid();
                        return Uni.combine().all().unis(written, committed).discardItems().replaceWith(batch);
                    });
                })
                .onFailure().call(failure -> connection.query("ROLLBACK").execute().onFailure().recoverWithNull());
    }

    private Uni<CompactRange> treeAt(SqlConnection tx, long size) {
        CompactRange cached = known;
        if (cached != null && cached.size() == size) {
            return Uni.createFrom().item(cached);
        }
        List<Node> frontier = CompactRange.frontierOf(size);
        return tree.hashes(tx, frontier).chain(found -> Multi.createFrom().iterable(frontier)
                .onItem().transformToUniAndConcatenate(node -> found.containsKey(node)
                        ? Uni.createFrom().item(found.get(node)) : rebuilt(tx, node))
                .collect().asList())
                .map(hashes -> CompactRange.of(size, hashes));
    }

    /**
     * A node of the right edge that is not stored, from the leaves under it. That happens only when entries were
     * inserted behind the service's back (verification reports it); appends go on, so that nothing is disclosed
     * unaudited and the evidence is kept.
     */
    private Uni<byte[]> rebuilt(SqlConnection tx, Node node) {
        LOG.warnf("The audit tree has no stored node at level %d index %d: rebuilt from its entries; run the "
                + "verification", node.level(), node.index());
        long first = node.firstLeaf() + 1;
        return tree.leafHashes(tx, first, first + (1L << node.level()) - 1).map(leaves -> {
            CompactRange range = CompactRange.empty();
            leaves.forEach(range::append);
            if (range.size() != 1L << node.level()) {
                throw new IllegalStateException("The audit log lacks entries under tree node " + node);
            }
            return range.root();
        });
    }

    private void finish(List<Pending> batch, AppendBatch done, Throwable failure) {
        if (failure != null) {
            known = null;
            LOG.errorf("An audit batch of %d events was not committed (%s); every one of them is refused",
                    batch.size(), failure.getClass().getSimpleName());
            ProblemException refusal = ProblemException.unavailable(
                    "The audit log could not commit the event; nothing of it was written. Try again.");
            batch.forEach(pending -> answer(pending, null, refusal));
        } else {
            known = done.tree();
            for (int i = 0; i < batch.size(); i++) {
                AppendBatch.Outcome outcome = done.outcomes().get(i);
                answer(batch.get(i), outcome.receipt(), outcome.refusal());
            }
        }
        writing.set(false);
        writeWaiting();
    }

    private static void answer(Pending pending, AuditReceipt receipt, Throwable refusal) {
        Runnable answer = () -> {
            if (refusal != null) {
                pending.emitter().fail(refusal);
            } else {
                pending.emitter().complete(receipt);
            }
        };
        if (pending.context() == null) {
            answer.run();
        } else {
            pending.context().runOnContext(ignored -> answer.run());
        }
    }
}
