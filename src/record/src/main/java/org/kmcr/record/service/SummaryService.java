package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.ReasonCode;
import org.kmcr.common.consent.SelfClaim;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;

/**
 * The one read path for a person's record: find the person, ask consent (also when KMCR holds nobody with the
 * number, so that callers who could never see a record get the same answer either way), read only the permitted
 * categories, apply the decision's item rules and redactions ({@link DecisionApplier}), have the audit service
 * commit the access with what is shown, carry out what the decision obliges, and only then return anything. If
 * consent or audit cannot answer, or an obligation cannot be met, nothing is disclosed.
 */
@ApplicationScoped
public class SummaryService {

    private final IdentityClient identity;
    private final ConsentClient consent;
    private final AuditClient audit;
    private final Obligations obligations;

    SummaryService(IdentityClient identity, ConsentClient consent, AuditClient audit, Obligations obligations) {
        this.identity = identity;
        this.consent = consent;
        this.audit = audit;
        this.obligations = obligations;
    }

    /**
     * The permitted part of a person's record, read the given way (a bounded summary, a timeline page), with the
     * decision and the audit event that records it: the same decision, audit and obligations whatever is read.
     *
     * @param auditAction what is being read, as the audit log names it (e.g. record.summary.read)
     * @param breakGlass  the caller's stated emergency reason, or null for a normal access
     */
    public Uni<Window> read(Caller caller, String nhsNumberText, Action action, String auditAction,
            BreakGlass breakGlass, Reading reading) {
        NhsNumber nhsNumber = parse(nhsNumberText);
        return find(nhsNumber).chain(person -> decideAndDisclose(caller, person, action, auditAction, breakGlass,
                reading));
    }

    /**
     * Records the caller's self-claimed relationship with the person (consent refuses it, 403, to callers the
     * rules refuse), then reads as {@link #read} does: every such access alerts a privacy officer.
     */
    public Uni<Window> claimAndRead(Caller caller, String nhsNumberText, Action action, String auditAction,
            String reason, Reading reading) {
        NhsNumber nhsNumber = parse(nhsNumberText);
        return find(nhsNumber).chain(person -> {
            Uni<Void> claimed = person.personId() == null ? Uni.createFrom().voidItem()
                    : consent.selfClaim(new SelfClaim(person.personId(), nhsNumber.value(), CallerDetails.of(caller),
                            reason));
            return claimed.chain(() -> decideAndDisclose(caller, person, action, auditAction, null, reading));
        });
    }

    /**
     * A read of another part of the record (a FHIR read, a search page, {@code $everything}) on the same path as
     * {@link #read}: the person found, consent asked, denials and unmet obligations audited and refused alike,
     * then the permitted read, the audit of what it shows committed and the obligations met before it is returned.
     */
    public <T> Uni<T> discloseRead(Caller caller, String nhsNumberText, Action action, String auditAction,
            PermittedRead<T> read) {
        NhsNumber nhsNumber = parse(nhsNumberText);
        return find(nhsNumber).chain(person -> {
            AccessRequest request = new AccessRequest(person.personId(), person.nhsNumber(), action,
                    CallerDetails.of(caller), null);
            return consent.decide(request).chain(decision -> {
                if (!decision.permitted()) {
                    return refused(caller, person, decision, action, auditAction).map(ignored -> (T) null);
                }
                List<String> unmet = obligations.unmet(decision);
                if (!unmet.isEmpty()) {
                    return withheld(caller, person, decision, action, auditAction, unmet).map(ignored -> (T) null);
                }
                return read.read(person, decision).chain(result -> {
                    AuditEvent event = event(caller, person, decision, action, auditAction, "permitted", null,
                            read.shownCategories(result));
                    return audit.record(event)
                            .chain(receipt -> obligations.fulfil(decision, event, person, caller, null))
                            .map(ignored -> result);
                });
            });
        });
    }

    /** What a read other than the summary reads once consent has permitted it, and what it shows. */
    public interface PermittedRead<T> {

        /** Reads what the decision lets be shown; nothing leaves before its audit is committed. */
        Uni<T> read(PersonIdentities person, AccessDecision decision);

        /** The categories the result shows, in name order, for the audit event. */
        List<String> shownCategories(T result);
    }

    /** The person with this number and their source identities; nobody (no id, no identities) when none. */
    private Uni<PersonIdentities> find(NhsNumber nhsNumber) {
        return identity.findByNhsNumber(nhsNumber.value())
                .map(person -> person != null ? person : new PersonIdentities(null, nhsNumber.value(), List.of()));
    }

    private Uni<Window> decideAndDisclose(Caller caller, PersonIdentities person, Action action,
            String auditAction, BreakGlass breakGlass, Reading reading) {
        AccessRequest request = new AccessRequest(person.personId(), person.nhsNumber(), action,
                CallerDetails.of(caller), breakGlass);
        String statement = breakGlass == null ? null : breakGlass.statement();
        return consent.decide(request).chain(decision -> {
            if (!decision.permitted()) {
                return refused(caller, person, decision, action, auditAction);
            }
            List<String> unmet = obligations.unmet(decision);
            if (!unmet.isEmpty()) {
                return withheld(caller, person, decision, action, auditAction, unmet);
            }
            return permitted(caller, person, decision, action, auditAction, statement, reading);
        });
    }

    private Uni<Window> permitted(Caller caller, PersonIdentities person, AccessDecision decision, Action action,
            String auditAction, String breakGlassStatement, Reading reading) {
        return reading.read(person, decision).chain(window -> {
            AuditEvent event = event(caller, person, decision, action, auditAction, "permitted", breakGlassStatement,
                    shown(window.disclosure()));
            return audit.record(event)
                    .chain(receipt -> obligations.fulfil(decision, event, person, caller, breakGlassStatement))
                    .map(ignored -> window.withAuditEvent(event.id()));
        });
    }

    /** A denial is audited too; KMCR holding no record is a 404, said only to callers the rules would let see one. */
    private <T> Uni<T> refused(Caller caller, PersonIdentities person, AccessDecision decision, Action action,
            String auditAction) {
        boolean noRecord = decision.reasonCode() == ReasonCode.NO_RECORD;
        return audit.record(event(caller, person, decision, action, auditAction, noRecord ? "not-found" : "denied",
                null, List.of())).map(receipt -> {
                    throw noRecord ? ProblemException.notFound(decision.reason())
                            : ProblemException.forbidden(decision.reason());
                });
    }

    private <T> Uni<T> withheld(Caller caller, PersonIdentities person, AccessDecision decision, Action action,
            String auditAction, List<String> unmet) {
        return audit.record(event(caller, person, decision, action, auditAction, "withheld", null, List.of()))
                .map(receipt -> {
                    throw new ProblemException(502, "Bad gateway", "Consent set a condition on this access that "
                            + "record-query cannot meet (" + String.join(", ", unmet) + "), so nothing was "
                            + "disclosed. This is a fault in KMCR; it has been logged.");
                });
    }

    /** The categories actually shown, in name order. */
    private static List<String> shown(Disclosure disclosure) {
        return disclosure.items().stream().map(item -> item.item().category).distinct().sorted().toList();
    }

    static AuditEvent event(Caller caller, PersonIdentities person, AccessDecision decision, Action action,
            String auditAction, String outcome, String breakGlassStatement, List<String> categories) {
        return new AuditEvent(UUID.randomUUID(), Instant.now(), auditAction, outcome, GovernanceEvents.actorOf(caller),
                action.purpose().code(), decision.auditBasis(), breakGlassStatement, person.personId(),
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
