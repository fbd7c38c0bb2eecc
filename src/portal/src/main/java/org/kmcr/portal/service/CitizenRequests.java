package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.kmcr.common.consent.CorrectionRequest;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.portal.client.RequestsApi;
import org.kmcr.portal.client.RequestsClient;
import org.kmcr.portal.model.Categories;
import org.kmcr.portal.model.RequestRow;

/**
 * The citizen's requests: object to sharing, restrict a category or an organisation (queued for a privacy officer),
 * ask the organisation that recorded an entry to correct it; and the status of each request.
 */
@ApplicationScoped
public class CitizenRequests {

    private final RequestsClient consent;
    private final OrganisationNames names;

    CitizenRequests(RequestsClient consent, OrganisationNames names) {
        this.consent = consent;
        this.names = names;
    }

    /** The citizen's objections and restrictions, then their corrections, each newest first. */
    public Uni<List<RequestRow>> mine() {
        return names.current().chain(known -> consent.myDirectives()
                .map(bundle -> RequestRows.ofBundle(bundle, known, true))
                .chain(directives -> consent.myCorrections().map(corrections -> {
                    List<RequestRow> rows = new ArrayList<>(directives);
                    corrections.forEach(correction -> rows.add(RequestRows.ofCorrection(correction, known)));
                    return rows;
                })))
                .onFailure().transform(failure -> Failures.unavailable("consent", failure));
    }

    /** Queues an objection or a restriction; what is wrong with the form comes back as its messages. */
    public Uni<List<String>> direct(String kind, List<String> categories, String organisations, String reason) {
        List<String> errors = new ArrayList<>();
        Set<String> orgs = odsCodes(organisations, errors);
        Set<String> codes = new LinkedHashSet<>(categories == null ? List.of() : categories);
        if (!codes.stream().allMatch(Categories.ORDER::containsKey)) {
            errors.add("Choose the kinds of information from the list");
        }
        if ("restriction".equals(kind) && codes.isEmpty() && orgs.isEmpty()) {
            errors.add("Choose what to restrict: kinds of information, organisations, or both");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("Say why, in your own words");
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(errors);
        }
        return refusalsOf(consent.requestDirective(new RequestsApi.DirectiveRequest(kind, codes, orgs, reason)),
                "Your request was not sent");
    }

    /** Sends a correction request to the organisation that recorded the entry. */
    public Uni<List<String>> correct(String organisation, String item, String correction) {
        List<String> errors = new ArrayList<>();
        Set<String> orgs = odsCodes(organisation, errors);
        if (orgs.size() != 1 && errors.isEmpty()) {
            errors.add("Enter the code of the one organisation that recorded the entry, for example K81001");
        }
        if (item == null || item.isBlank()) {
            errors.add("Say which entry is wrong");
        } else if (item.length() > CorrectionRequest.ITEM_MAX) {
            errors.add("Name the entry in " + CorrectionRequest.ITEM_MAX + " characters or fewer");
        }
        if (correction == null || correction.isBlank()) {
            errors.add("Say what is wrong and what it should say");
        } else if (correction.length() > CorrectionRequest.CORRECTION_MAX) {
            errors.add("Describe the correction in " + CorrectionRequest.CORRECTION_MAX + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(errors);
        }
        return refusalsOf(consent.requestCorrection(new CorrectionRequest(orgs.iterator().next(), item, correction)),
                "Your correction request was not sent");
    }

    static Set<String> odsCodes(String typed, List<String> errors) {
        if (typed == null || typed.isBlank()) {
            return Set.of();
        }
        Set<String> codes = Arrays.stream(typed.split("[,\\s]+")).filter(code -> !code.isBlank())
                .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!codes.stream().allMatch(code -> code.matches(RelationshipAssertion.ODS_CODE))) {
            errors.add("Enter organisation codes as letters and numbers, for example K81001");
        }
        return codes;
    }

    static Uni<List<String>> refusalsOf(Uni<?> call, String fallback) {
        return call.map(done -> List.<String>of())
                .onFailure(failure -> Failures.status(failure) >= 400 && Failures.status(failure) < 500)
                .recoverWithItem(failure -> Failures.messages(failure, fallback))
                .onFailure().transform(f -> Failures.unavailable("consent", f));
    }
}
