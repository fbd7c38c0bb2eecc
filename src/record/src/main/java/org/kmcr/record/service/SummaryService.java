package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.recordmodel.model.CareItem;

/**
 * The one read path for a person's record: find the person, ask consent, read only the permitted
 * categories, and have the audit service commit the access before anything is returned. If consent or
 * audit cannot answer, nothing is disclosed.
 */
@ApplicationScoped
public class SummaryService {

    private final IdentityClient identity;
    private final ConsentClient consent;
    private final AuditClient audit;
    private final RecordReader reader;

    SummaryService(IdentityClient identity, ConsentClient consent, AuditClient audit, RecordReader reader) {
        this.identity = identity;
        this.consent = consent;
        this.audit = audit;
        this.reader = reader;
    }

    /**
     * The permitted part of a person's record, with the decision and the audit receipt.
     *
     * @param action           what is being read, as the audit log names it (e.g. record.summary.read)
     * @param breakGlassReason the caller's stated emergency reason, or null for a normal access
     */
    public Uni<Disclosure> disclose(Caller caller, String nhsNumberText, String action, String breakGlassReason) {
        NhsNumber nhsNumber = parse(nhsNumberText);
        return identity.findByNhsNumber(nhsNumber.value()).chain(person -> {
            if (person == null) {
                return notFound(caller, nhsNumber, action);
            }
            AccessRequest request = new AccessRequest(person.personId(), nhsNumber.value(),
                    AccessRequest.DIRECT_CARE, CallerDetails.of(caller), breakGlassReason);
            return consent.decide(request).chain(decision -> decision.permitted()
                    ? permitted(caller, person, decision, action, breakGlassReason)
                    : denied(caller, person, decision, action));
        });
    }

    private Uni<Disclosure> permitted(Caller caller, PersonIdentities person, AccessDecision decision, String action,
            String breakGlassReason) {
        return reader.items(person.sourceIdentityIds(), decision.categories()).chain(items -> audit
                .record(event(caller, person, decision.basis(), action, "permitted", breakGlassReason, shown(items)))
                .map(receipt -> new Disclosure(person, decision, receipt, items)));
    }

    /** A search that found nobody is audited too: it tells the caller that KMCR holds no record. */
    private Uni<Disclosure> notFound(Caller caller, NhsNumber nhsNumber, String action) {
        PersonIdentities nobody = new PersonIdentities(null, nhsNumber.value(), List.of());
        return audit.record(event(caller, nobody, null, action, "not-found", null, List.of()))
                .map(receipt -> {
                    throw ProblemException.notFound("KMCR holds no record for this NHS number");
                });
    }

    private Uni<Disclosure> denied(Caller caller, PersonIdentities person, AccessDecision decision, String action) {
        return audit.record(event(caller, person, decision.basis(), action, "denied", null, List.of()))
                .map(receipt -> {
                    throw ProblemException.forbidden(decision.reason());
                });
    }

    /** The categories actually shown, in the order of the policy. */
    private static List<String> shown(List<CareItem> items) {
        return items.stream().map(item -> item.category).distinct().sorted().toList();
    }

    static AuditEvent event(Caller caller, PersonIdentities person, String basis, String action,
            String outcome, String breakGlassReason, List<String> categories) {
        return new AuditEvent(UUID.randomUUID(), Instant.now(), action, outcome,
                new AuditEvent.Actor(caller.userId(), caller.displayName(), caller.primaryRole(), caller.orgCode(),
                        caller.roleProfileId(), caller.roleCode(), caller.clientId()),
                AccessRequest.DIRECT_CARE, basis, breakGlassReason, person.personId(),
                person.nhsNumber(), categories);
    }

    private static NhsNumber parse(String text) {
        java.util.Optional<String> problem = NhsNumber.problemWith(text);
        if (problem.isPresent()) {
            throw ProblemException.badRequest(problem.get());
        }
        return new NhsNumber(text);
    }
}
