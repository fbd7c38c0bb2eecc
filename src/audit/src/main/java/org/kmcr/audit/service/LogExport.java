package org.kmcr.audit.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.repository.ExportRepository;
import org.kmcr.audit.repository.TreeRepository;
import org.kmcr.auditverifier.AuditExport;
import org.kmcr.auditverifier.CompactRange;
import org.kmcr.auditverifier.Hashes;
import org.kmcr.auditverifier.Node;

/**
 * The whole log as an {@link AuditExport} (JSON Lines), streamed a page at a time: what the stand-alone verifier
 * checks. After retention has dropped months, the header carries the right edge of the tree of the dropped entries,
 * which the boundary checkpoint signs.
 */
@ApplicationScoped
public class LogExport {

    static final int PAGE = 1_000;

    private final ExportRepository export;
    private final TreeRepository tree;
    private final CheckpointService checkpoints;

    LogExport(ExportRepository export, TreeRepository tree, CheckpointService checkpoints) {
        this.export = export;
        this.tree = tree;
        this.checkpoints = checkpoints;
    }

    /** The export's lines, as the objects each line is the JSON of. */
    public Multi<Map<String, Object>> lines() {
        return header().onItem().transformToMulti(header -> Multi.createBy().concatenating().streams(
                Multi.createFrom().item(header.line()), entries(header.firstSequence()), checkpointLines()));
    }

    private record Header(long firstSequence, Map<String, Object> line) {
    }

    private Uni<Header> header() {
        return export.firstSequence().chain(stored -> {
            long first = Math.max(stored, 1);
            List<Node> edge = CompactRange.frontierOf(first - 1);
            return tree.hashes(edge).map(found -> new Header(first, AuditExport.header(first,
                    edge.stream().map(node -> Hashes.hex(found.get(node))).toList())));
        });
    }

    private Multi<Map<String, Object>> entries(long first) {
        AtomicLong last = new AtomicLong(first - 1);
        return Multi.createBy().repeating()
                .uni(() -> export.entriesAfter(last.get(), PAGE).invoke(page -> {
                    if (!page.isEmpty()) {
                        last.set(page.get(page.size() - 1).sequence);
                    }
                }))
                .whilst(page -> page.size() == PAGE)
                .onItem().transformToIterable(page -> page.stream().map(LogExport::line).toList());
    }

    private Multi<Map<String, Object>> checkpointLines() {
        return export.checkpoints().onItem().transformToMulti(all -> Multi.createFrom().iterable(all))
                .map(checkpoint -> AuditExport.checkpoint(checkpoints.view(checkpoint)));
    }

    private static Map<String, Object> line(AuditEntry entry) {
        return AuditExport.entry(ChainHash.fields(entry), entry.hash);
    }
}
