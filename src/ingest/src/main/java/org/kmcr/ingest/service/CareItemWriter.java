package org.kmcr.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditOutbox;
import org.kmcr.common.consent.Purpose;
import org.kmcr.common.problem.Problem.FieldError;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Roles;
import org.kmcr.ingest.model.AcceptedMessage;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.repository.FeedHealthRepository;
import org.kmcr.recordmodel.model.CareItem;
import org.kmcr.recordmodel.repository.CareItemRepository;
import org.kmcr.recordmodel.repository.ItemRemoval;
import org.kmcr.recordmodel.repository.StoredItem;

/** Stores the items of one submission, and applies its removals, in one transaction: all of it or none. */
@ApplicationScoped
public class CareItemWriter {

    /** The audit action of a stored message (its items and removals). */
    public static final String STORE = "ingest.items.record";

    private final CareItemRepository repository;
    private final FeedHealthRepository accepted;
    private final AuditOutbox audit;

    CareItemWriter(CareItemRepository repository, FeedHealthRepository accepted, AuditOutbox audit) {
        this.repository = repository;
        this.accepted = accepted;
        this.audit = audit;
    }

    /** One item and where it is in the submission, for the error that names it. */
    public record Placed(CareItem item, String location) {
    }

    /**
     * Stores each item once by its source key (all in one statement), then removes what the submission removes and
     * counts the message for feed health; returns what happened to each item, in order. A 409 problem, and nothing stored, when the source already holds
     * one of the items' ids for another patient: an item never moves silently to someone else's record. The write's
     * audit event (the sender, the patient's NHS number when the message names one, the categories written; no
     * content) goes to the audit outbox in the same transaction.
     */
    @WithTransaction
    public Uni<List<StoredItem>> store(List<Placed> items, List<ItemRemoval> removals, AcceptedMessage receipt,
            String nhsNumber) {
        return repository.upsertAll(items.stream().map(Placed::item).toList())
                .invoke(stored -> {
                    for (int i = 0; i < stored.size(); i++) {
                        if (stored.get(i).outcome() == StoredItem.Outcome.HELD_FOR_ANOTHER_PATIENT) {
                            throw heldForAnotherPatient(items.get(i));
                        }
                    }
                })
                .call(() -> Multi.createFrom().iterable(removals)
                        .onItem().transformToUniAndConcatenate(repository::remove).collect().asList())
                .call(() -> accepted.persist(receipt))
                .call(() -> audit.add(stored(receipt, nhsNumber, items.stream().map(Placed::item).toList(),
                        removals)));
    }

    /** The audit event of a stored message: who sent it, about whom, and which categories it wrote or removed. */
    static AuditEvent stored(AcceptedMessage receipt, String nhsNumber, List<CareItem> items,
            List<ItemRemoval> removals) {
        List<String> categories = items.stream().map(item -> item.category).filter(Objects::nonNull)
                .distinct().sorted().toList();
        AuditEvent.Actor sender = new AuditEvent.Actor(receipt.sourceSystem, receipt.sourceSystem,
                Roles.PARTNER_SYSTEM, receipt.sourceOrg, null, null, receipt.sourceSystem);
        return new AuditEvent(UUID.randomUUID(), Instant.now(), STORE, removals.isEmpty() ? "stored"
                : "stored-with-removals", sender, Purpose.DIRECT_CARE.code(), null, null, null, nhsNumber, categories);
    }

    /**
     * Stores the items of many rows of a bulk extract in one transaction (one statement for the items, whatever their
     * number), removes what they remove and counts the batch for feed health; unlike {@link #store}, an item held for
     * another patient does not refuse the rest: its outcome says so, and the caller rejects only its row.
     */
    @WithTransaction
    public Uni<List<StoredItem>> storeEach(List<CareItem> items, List<ItemRemoval> removals, AcceptedMessage receipt) {
        return repository.upsertAll(items)
                .call(() -> Multi.createFrom().iterable(removals)
                        .onItem().transformToUniAndConcatenate(repository::remove).collect().asList())
                .call(() -> accepted.persist(receipt));
    }

    /** The resource JSON the sender's item of that type and id holds now, or null when KMCR holds none. */
    @WithSession
    public Uni<String> storedResource(Sender sender, String resourceType, String sourceId) {
        return repository.findBySourceKey(sender.orgCode(), sender.system(), resourceType, sourceId)
                .map(item -> item == null ? null : item.resource);
    }

    private static ProblemException heldForAnotherPatient(Placed placed) {
        String what = placed.item().resourceType + "/" + placed.item().sourceId;
        return new ProblemException(409, "Conflict", "The message was not stored: " + what + " is already held "
                + "for another patient", List.of(new FieldError(placed.location(), "Your system "
                + "already sent " + what + " for another patient; a source id is never moved to another patient. "
                + "Correct the item under its original patient, or give it a new id")));
    }
}
