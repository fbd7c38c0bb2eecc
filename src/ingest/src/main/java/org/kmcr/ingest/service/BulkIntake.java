package org.kmcr.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.kmcr.common.client.Workers;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.bulk.RowSource.RowResult;
import org.kmcr.ingest.bulk.SocialCareMapper;
import org.kmcr.ingest.bulk.SocialCareMapper.Mapped;
import org.kmcr.ingest.fhir.ItemMapper;
import org.kmcr.ingest.mapping.PatientFacts;
import org.kmcr.ingest.model.AcceptedMessage;
import org.kmcr.ingest.model.Feed;
import org.kmcr.ingest.model.RowOutcome;
import org.kmcr.ingest.model.Sender;
import org.kmcr.recordmodel.model.CareItem;
import org.kmcr.recordmodel.model.SourceStanding;
import org.kmcr.recordmodel.repository.ItemRemoval;
import org.kmcr.recordmodel.repository.StoredItem;

/**
 * Takes a batch of rows of a social care extract into the record, the way {@link RecordIntake} takes a message, but
 * for many people at once: every row mapped and checked, then all the batch's items (each person's Patient once,
 * each row's record) written in one statement, then each distinct person resolved once by the MPI, then each
 * allocation passed to consent as a {@code social-care-allocation} asserted by the sender. Each row gets its own
 * outcome: a bad row, or a row whose person the MPI could not resolve, is rejected alone (and kept as a dead letter
 * by the caller); the rest of the batch goes in. Every step is idempotent, so a batch sent again changes nothing.
 */
@ApplicationScoped
public class BulkIntake {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BulkIntake.class);
    /** How many persons are resolved (and allocations asserted) at once. */
    static final int CONCURRENT_CALLS = 8;

    private final ItemMapper mapper;
    private final CareItemWriter writer;
    private final IdentityClient identity;
    private final ConsentClient consent;
    private final ObjectMapper json;

    BulkIntake(ItemMapper mapper, CareItemWriter writer, IdentityClient identity, ConsentClient consent,
            ObjectMapper json) {
        this.mapper = mapper;
        this.writer = writer;
        this.identity = identity;
        this.consent = consent;
        this.json = json;
    }

    /**
     * A row's outcome, and for a rejected row what to keep for replay.
     *
     * @param problem the problem of a rejected row (its status says whether resending can help); null if accepted
     * @param payload a rejected row as a one-row extract, in {@code contentType}
     */
    public record Taken(RowOutcome outcome, ProblemException problem, String contentType, String payload) {
    }

    /** One row on its way: what it was read as and what it became. */
    private static final class Row {
        final RowResult read;
        Mapped mapped;
        UUID sourceIdentityId;
        String rejected;
        int status;
        String note;

        Row(RowResult read) {
            this.read = read;
        }

        void reject(int httpStatus, String why) {
            if (rejected == null) {
                rejected = why;
                status = httpStatus;
            }
        }
    }

    /**
     * Takes the rows in.
     *
     * @param csvHeader for a CSV extract, its header line (kept with an unreadable row so it can be replayed); else null
     */
    public Uni<List<Taken>> take(Sender sender, SharingPartner partner, List<RowResult> batch, String csvHeader,
            Instant receivedAt) {
        List<Row> rows = batch.stream().map(Row::new).toList();
        long[] at = {System.nanoTime(), 0, 0, 0};
        return Workers.call(() -> prepare(sender, partner, rows, receivedAt))
                .invoke(() -> at[1] = System.nanoTime())
                .chain(prepared -> writer.storeEach(prepared.items, prepared.removals,
                                AcceptedMessage.of(sender, Feed.SOCIAL_CARE, receivedAt))
                        .invoke(stored -> noteStored(prepared, stored)))
                .invoke(() -> at[2] = System.nanoTime())
                .chain(() -> resolve(sender, rows))
                .invoke(() -> at[3] = System.nanoTime())
                .chain(resolved -> assertAllocations(sender, rows, resolved))
                .map(done -> {
                    if (LOG.isDebugEnabled()) {
                        long end = System.nanoTime();
                        LOG.debugf("bulk batch of %d rows: map %d ms, store %d ms, resolve %d ms, assert %d ms",
                                rows.size(), (at[1] - at[0]) / 1_000_000, (at[2] - at[1]) / 1_000_000,
                                (at[3] - at[2]) / 1_000_000, (end - at[3]) / 1_000_000);
                    }
                    return rows.stream().map(row -> taken(row, csvHeader)).toList();
                });
    }

    private record Prepared(List<CareItem> items, List<Row> itemRows, List<ItemRemoval> removals) {
    }

    /** Maps every row and makes the batch's items: each person's Patient (the latest row's details) and each record. */
    private Prepared prepare(Sender sender, SharingPartner partner, List<Row> rows, Instant receivedAt) {
        Map<String, Row> latestByPerson = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.read.error() != null) {
                row.reject(400, row.read.error());
                continue;
            }
            try {
                row.mapped = SocialCareMapper.map(row.read.row(), sender.orgCode());
            } catch (SocialCareMapper.RowRejected rejected) {
                row.reject(422, rejected.getMessage());
                continue;
            }
            row.sourceIdentityId = SourceIdentityIds.of(sender.orgCode(), sender.system(), row.mapped.personId());
            latestByPerson.merge(row.mapped.personId(), row, (kept, next) -> !next.mapped.patient().getMeta()
                    .getLastUpdated().before(kept.mapped.patient().getMeta().getLastUpdated()) ? next : kept);
        }
        SourceStanding standing = partner.kind().equals(SharingPartner.REGISTRATION_AUTHORITY)
                ? SourceStanding.REGISTRATION_AUTHORITY : SourceStanding.OTHER;
        List<CareItem> items = new ArrayList<>();
        List<Row> itemRows = new ArrayList<>();
        List<ItemRemoval> removals = new ArrayList<>();
        for (Row row : latestByPerson.values()) {
            items.add(mapper.toItem(row.mapped.patient(), sender, row.sourceIdentityId, receivedAt, Set.of(), standing));
            itemRows.add(null);
        }
        for (Row row : rows) {
            if (row.rejected != null) {
                continue;
            }
            if (row.mapped.removed()) {
                removals.add(new ItemRemoval(sender.orgCode(), sender.system(), row.mapped.resource().fhirType(),
                        row.mapped.resource().getIdElement().getIdPart(), row.sourceIdentityId, receivedAt,
                        "entered-in-error", "bulk row " + row.read.number()));
            } else {
                // the mapper's references to the patient carry no display (no name) to drop
                items.add(mapper.toItem(row.mapped.resource(), sender, row.sourceIdentityId, receivedAt, Set.of(),
                        standing));
                itemRows.add(row);
            }
        }
        return new Prepared(items, itemRows, removals);
    }

    private static void noteStored(Prepared prepared, List<StoredItem> stored) {
        for (int i = 0; i < stored.size(); i++) {
            Row row = prepared.itemRows.get(i);
            if (row != null && stored.get(i).outcome() == StoredItem.Outcome.HELD_FOR_ANOTHER_PATIENT) {
                row.reject(409, "record_id: your system already sent " + row.mapped.resource().fhirType() + "/"
                        + row.mapped.resource().getIdElement().getIdPart() + " for another person; a record is never "
                        + "moved to another person");
            }
        }
    }

    /** Resolves each distinct person of the batch once; a person the MPI could not resolve rejects its rows. */
    private Uni<Map<String, ResolvedIdentity>> resolve(Sender sender, List<Row> rows) {
        Map<String, Row> byPerson = new LinkedHashMap<>();
        rows.stream().filter(row -> row.mapped != null && row.rejected == null)
                .forEach(row -> byPerson.merge(row.mapped.personId(), row, (kept, next) -> !next.mapped.patient()
                        .getMeta().getLastUpdated().before(kept.mapped.patient().getMeta().getLastUpdated())
                        ? next : kept));
        Map<String, ResolvedIdentity> resolved = new HashMap<>();
        return Multi.createFrom().iterable(byPerson.values())
                .onItem().transformToUni(row -> identity.resolve(PatientFacts.of(sender.orgCode(), sender.system(),
                                row.mapped.patient(), row.mapped.nhsNumber(), List.of()))
                        .map(answer -> Optional.of(Map.entry(row.mapped.personId(), answer)))
                        .onFailure().recoverWithItem(failure -> {
                            ProblemException problem = asProblem(failure);
                            rows.stream().filter(r -> r.mapped != null
                                            && r.mapped.personId().equals(row.mapped.personId()))
                                    .forEach(r -> r.reject(problem.status(), problem.getMessage()));
                            return Optional.empty();
                        }))
                .merge(CONCURRENT_CALLS)
                .collect().asList()
                .map(answers -> {
                    answers.forEach(answer -> answer.ifPresent(e -> resolved.put(e.getKey(), e.getValue())));
                    return resolved;
                });
    }

    private record AllocationKey(UUID personId, java.time.LocalDate startedOn, java.time.LocalDate endsOn) {
    }

    /**
     * Passes each allocation (a case with an allocated team or worker) to consent, once per person and dates in the
     * batch; a person not (yet) linked gets none, and its rows say why.
     */
    private Uni<Void> assertAllocations(Sender sender, List<Row> rows, Map<String, ResolvedIdentity> resolved) {
        Map<AllocationKey, List<Row>> allocations = new TreeMap<>(java.util.Comparator
                .comparing((AllocationKey k) -> k.personId().toString())
                .thenComparing(k -> String.valueOf(k.startedOn())).thenComparing(k -> String.valueOf(k.endsOn())));
        for (Row row : rows) {
            if (row.rejected != null || row.mapped == null) {
                continue;
            }
            ResolvedIdentity person = resolved.get(row.mapped.personId());
            if (person != null && !person.linked()) {
                row.note = RecordIntake.linkNotice(person.linkStatus());
            } else if (person != null && row.mapped.allocation() != null) {
                allocations.computeIfAbsent(new AllocationKey(person.personId(), row.mapped.allocation().startedOn(),
                        row.mapped.allocation().endsOn()), key -> new ArrayList<>()).add(row);
            }
        }
        RelationshipAssertion.Asserter asserter = new RelationshipAssertion.Asserter(sender.orgCode(), sender.system());
        return Multi.createFrom().iterable(allocations.entrySet())
                .onItem().transformToUni(allocation -> {
                    AllocationKey key = allocation.getKey();
                    Row first = allocation.getValue().get(0);
                    RelationshipAssertion assertion = new RelationshipAssertion(key.personId(), sender.orgCode(),
                            SocialCareMapper.ALLOCATION, key.startedOn(), key.endsOn(), asserter,
                            "bulk:" + first.mapped.resource().getIdElement().getIdPart());
                    return consent.assertRelationship(assertion)
                            .invoke(outcome -> {
                                if (!outcome.verified()) {
                                    allocation.getValue().forEach(row -> row.note = "social care allocation with "
                                            + sender.orgCode() + " kept as unverified: " + outcome.reason());
                                }
                            })
                            .replaceWith(true)
                            .onFailure().recoverWithItem(failure -> {
                                ProblemException problem = asProblem(failure);
                                allocation.getValue().forEach(row -> row.reject(problem.status(), problem.getMessage()
                                        + " (the row's items are stored; replay it to record the allocation)"));
                                return false;
                            });
                })
                .merge(CONCURRENT_CALLS)
                .collect().asList().replaceWithVoid();
    }

    private static ProblemException asProblem(Throwable failure) {
        return failure instanceof ProblemException problem ? problem
                : new ProblemException(500, "Internal server error", "The row could not be processed");
    }

    private Taken taken(Row row, String csvHeader) {
        String recordId = row.read.row() == null ? null : row.read.row().get("record_id");
        if (row.rejected == null) {
            return new Taken(new RowOutcome(row.read.number(), RowOutcome.ACCEPTED, recordId, row.note, null), null,
                    null, null);
        }
        ProblemException problem = new ProblemException(row.status, row.status == 503 ? "Service unavailable"
                : row.status == 409 ? "Conflict" : row.status == 400 ? "Bad request" : "Unprocessable row",
                "Row " + row.read.number() + ": " + row.rejected);
        boolean readable = row.read.row() != null;
        String contentType = readable || csvHeader == null ? Feed.JSON_LINES : Feed.CSV;
        String payload = readable ? jsonLine(row.read.row().values())
                : csvHeader == null ? row.read.raw() : csvHeader + "\r\n" + row.read.raw();
        return new Taken(new RowOutcome(row.read.number(), RowOutcome.REJECTED, recordId, row.rejected, null),
                problem, contentType, payload);
    }

    private String jsonLine(Map<String, String> values) {
        try {
            return json.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
