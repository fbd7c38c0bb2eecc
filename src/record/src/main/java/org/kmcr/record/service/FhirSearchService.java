package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemFacts;
import org.kmcr.common.consent.ItemFilter;
import org.kmcr.common.consent.Redaction;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.record.mapping.FhirCursor;
import org.kmcr.record.mapping.FhirQuery;
import org.kmcr.record.mapping.FhirResourceType;
import org.kmcr.record.repository.FhirSearchRepository;
import org.kmcr.recordmodel.model.CareItem;

/**
 * FHIR read, search and {@code $everything} on one person's record, each on {@link SummaryService}'s path (consent,
 * then the audit committed before anything is returned). The database pages and counts under the decision's
 * categories and item rules; every item of a page is checked again with {@link ItemFilter} and redacted as on the
 * summary.
 */
@ApplicationScoped
public class FhirSearchService {

    public static final String READ = "record.fhir.read";
    public static final String SEARCH = "record.fhir.search";
    public static final String EVERYTHING = "record.everything.query";

    private static final Logger LOG = Logger.getLogger(FhirSearchService.class);

    private final SummaryService disclosures;
    private final FhirSearchRepository repository;
    private final CareItemFacts facts;
    private final Redactor redactor;

    FhirSearchService(SummaryService disclosures, FhirSearchRepository repository, CareItemFacts facts,
            Redactor redactor) {
        this.disclosures = disclosures;
        this.repository = repository;
        this.facts = facts;
        this.redactor = redactor;
    }

    /** A page of a search ({@code query.type()} set) or of {@code $everything} (type null). */
    public Uni<FhirPage> search(Caller caller, FhirQuery query) {
        Action action = query.type() == null ? Action.EVERYTHING : Action.FHIR_SEARCH;
        String auditAction = query.type() == null ? EVERYTHING : SEARCH;
        return nhsNumber(query.patient()).chain(nhsNumber -> disclosures.discloseRead(caller, nhsNumber, action,
                auditAction, new SummaryService.PermittedRead<FhirPage>() {
                    @Override
                    public Uni<FhirPage> read(PersonIdentities person, AccessDecision decision) {
                        return page(person, decision, query);
                    }

                    @Override
                    public List<String> shownCategories(FhirPage page) {
                        return page.shownCategories();
                    }
                }));
    }

    /**
     * One resource by id: 404 when the store does not hold it or the decision hides it, 403 when the decision
     * withholds it (that it exists may be known), 410 when its source removed it.
     */
    public Uni<DisclosedItem> read(Caller caller, FhirResourceType type, UUID id) {
        return repository.find(type.fhirName(), id).chain(found -> {
            if (found.isEmpty()) {
                return repository.removed(type.fhirName(), id).chain(removed -> removed
                        .map(sourceIdentity -> readRemoved(caller, type, id, sourceIdentity))
                        .orElseGet(() -> Uni.createFrom().failure(notFound(type, id))));
            }
            CareItem item = found.get();
            return repository.nhsNumberOfIdentity(item.sourceIdentityId).chain(nhsNumber -> {
                if (nhsNumber.isEmpty()) {
                    return Uni.createFrom().failure(notFound(type, id));
                }
                return disclosures.discloseRead(caller, nhsNumber.get(), Action.FHIR_READ, READ,
                        new SummaryService.PermittedRead<ReadOutcome>() {
                            @Override
                            public Uni<ReadOutcome> read(PersonIdentities person, AccessDecision decision) {
                                return readOne(person, decision, item);
                            }

                            @Override
                            public List<String> shownCategories(ReadOutcome outcome) {
                                return outcome.shown() == null ? List.of() : List.of(outcome.shown().item().category);
                            }
                        }).map(outcome -> outcome.orElseThrow(type, id));
            });
        });
    }

    /** A read's item as shown, or how the decision treats it (withheld: a 403; hidden or not the person's: 404). */
    private record ReadOutcome(DisclosedItem shown, ItemFilter.Visibility visibility) {

        DisclosedItem orElseThrow(FhirResourceType type, UUID id) {
            if (shown != null) {
                return shown;
            }
            if (visibility == ItemFilter.Visibility.WITHHELD) {
                throw new ProblemException(403, "Forbidden", "Information withheld: the access rules do not let "
                        + "you see this " + type.fhirName() + ".");
            }
            throw notFound(type, id);
        }
    }

    private Uni<ReadOutcome> readOne(PersonIdentities person, AccessDecision decision, CareItem item) {
        if (!person.sourceIdentityIds().contains(item.sourceIdentityId)) {
            return Uni.createFrom().item(new ReadOutcome(null, ItemFilter.Visibility.HIDDEN));
        }
        ItemFacts itemFacts = facts.of(item);
        ItemFilter.Visibility visibility = ItemFilter.visibility(decision, itemFacts);
        if (visibility != ItemFilter.Visibility.SHOWN) {
            return Uni.createFrom().item(new ReadOutcome(null, visibility));
        }
        return redactions(person, decision)
                .map(active -> new ReadOutcome(disclosed(item, itemFacts, active), visibility));
    }

    private Uni<DisclosedItem> readRemoved(Caller caller, FhirResourceType type, UUID id, UUID sourceIdentity) {
        return repository.nhsNumberOfIdentity(sourceIdentity).chain(nhsNumber -> {
            if (nhsNumber.isEmpty()) {
                return Uni.createFrom().failure(notFound(type, id));
            }
            return disclosures.discloseRead(caller, nhsNumber.get(), Action.FHIR_READ, READ,
                    new SummaryService.PermittedRead<Boolean>() {
                        @Override
                        public Uni<Boolean> read(PersonIdentities person, AccessDecision decision) {
                            return Uni.createFrom().item(person.sourceIdentityIds().contains(sourceIdentity));
                        }

                        @Override
                        public List<String> shownCategories(Boolean known) {
                            return List.of();
                        }
                    }).map(known -> {
                        throw known ? new ProblemException(410, "Gone", "The source of this " + type.fhirName()
                                + " has removed it (entered in error or deleted); KMCR no longer holds it.")
                                : notFound(type, id);
                    });
        });
    }

    private Uni<FhirPage> page(PersonIdentities person, AccessDecision decision, FhirQuery query) {
        List<UUID> identities = person.sourceIdentityIds();
        return Uni.combine().all().unis(repository.page(identities, query, decision),
                        repository.count(identities, query, decision),
                        repository.withheldCategories(identities, query, decision),
                        redactions(person, decision))
                .with((rows, total, withheld, active) -> {
                    List<CareItem> items = new ArrayList<>(rows);
                    boolean backwards = query.cursor() != null && !query.cursor().after();
                    boolean more = items.size() > query.count();
                    if (more) {
                        items.remove(backwards ? 0 : items.size() - 1);
                    }
                    List<DisclosedItem> shown = new ArrayList<>();
                    for (CareItem item : items) {
                        ItemFacts itemFacts = facts.of(item);
                        if (ItemFilter.visibility(decision, itemFacts) == ItemFilter.Visibility.SHOWN) {
                            shown.add(disclosed(item, itemFacts, active));
                        } else {
                            // the database and the filter disagree (e.g. labels in the resource, not the column)
                            LOG.warnf("FHIR search: item %s passed the database conditions but not the item filter; "
                                    + "it is not shown", item.id);
                        }
                    }
                    boolean hasNext = backwards || more;
                    boolean hasPrevious = backwards ? more : query.cursor() != null;
                    FhirCursor next = hasNext && !items.isEmpty()
                            ? cursor(true, items.get(items.size() - 1), query) : null;
                    FhirCursor previous = hasPrevious && !items.isEmpty() ? cursor(false, items.get(0), query) : null;
                    return new FhirPage(query, shown, total, withheld.stream()
                            .map(code -> CareCategory.ofCode(code).orElseThrow()).toList(), next, previous);
                });
    }

    private Uni<List<Redaction>> redactions(PersonIdentities person, AccessDecision decision) {
        if (decision.redactions().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return repository.demographics(person.sourceIdentityIds())
                .map(items -> ItemFilter.activeRedactions(decision, items.stream().map(facts::of).toList()));
    }

    private DisclosedItem disclosed(CareItem item, ItemFacts itemFacts, List<Redaction> active) {
        return new DisclosedItem(item, redactor.redact(item.resource, ItemFilter.redactedFields(active, itemFacts)));
    }

    private static FhirCursor cursor(boolean after, CareItem item, FhirQuery query) {
        Instant value = query.sort().column().equals("updated_at") ? item.updatedAt : item.effectiveAt;
        return new FhirCursor(after, value, item.id);
    }

    /** The NHS number of the patient a query names; a 404 for a Patient id the store does not hold. */
    private Uni<String> nhsNumber(FhirQuery.PatientRef patient) {
        if (patient.nhsNumber() != null) {
            return Uni.createFrom().item(patient.nhsNumber());
        }
        return repository.nhsNumberOfPatient(patient.patientResourceId()).map(found -> found.orElseThrow(
                () -> notFound(FhirResourceType.PATIENT, patient.patientResourceId())));
    }

    private static ProblemException notFound(FhirResourceType type, UUID id) {
        return ProblemException.notFound("No " + type.fhirName() + "/" + id + " that you may see is held here.");
    }
}
