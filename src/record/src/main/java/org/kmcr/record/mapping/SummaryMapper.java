package org.kmcr.record.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.record.AccessGrant;
import org.kmcr.common.record.PersonHeader;
import org.kmcr.common.record.Provenance;
import org.kmcr.common.record.RecordItem;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.record.service.DisclosedItem;
import org.kmcr.record.service.Disclosure;
import org.kmcr.recordmodel.model.CareItem;
import org.kmcr.recordmodel.model.SourceStanding;

/** Shapes a disclosure as the record contract's summary ({@link RecordSummary}). */
@ApplicationScoped
public class SummaryMapper {

    private static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    private final ObjectMapper json;

    SummaryMapper(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The person header comes from one source's Patient, chosen by {@link SourceStanding} (a registration
     * authority, then the registered practice, then any other source) and, among equals, the most recently received.
     */
    static final Comparator<CareItem> HEADER_PRECEDENCE = Comparator
            .comparing((CareItem item) -> SourceStanding.ofCode(item.sourceStanding))
            .thenComparing(item -> item.receivedAt, Comparator.reverseOrder());

    public RecordSummary toSummary(Disclosure disclosure) {
        Map<String, List<RecordItem>> byCategory = new LinkedHashMap<>();
        for (CareCategory category : CareCategory.values()) {
            byCategory.put(category.code(), new ArrayList<>());
        }
        disclosure.items().forEach(item -> byCategory.get(item.item().category).add(itemOf(item.item())));
        return new RecordSummary(person(disclosure), access(disclosure),
                disclosure.withheld().stream().map(CareCategory::code).toList(), byCategory, List.of(), List.of());
    }

    /** Why the caller may see the record, and the audit event that records the access. */
    public static AccessGrant access(Disclosure disclosure) {
        AccessDecision decision = disclosure.decision();
        return new AccessGrant(decision.auditBasis(), decision.reason(), decision.brokeGlass(),
                decision.categoryCodes(), decision.obligations().stream().map(Obligation::code).sorted().toList(),
                decision.obliges(Obligation.ALERT_PRIVACY_OFFICER), disclosure.auditEventId());
    }

    static RecordItem itemOf(CareItem item) {
        return new RecordItem(item.id, item.category, item.resourceType, item.codeSystem, item.code, item.display,
                item.status, item.effectiveAt, item.confidentiality, item.version, List.of(provenance(item)));
    }

    /** Who holds the item at source, their id and version for it, and when it was recorded and received. */
    public static Provenance provenance(CareItem item) {
        return new Provenance(item.sourceOrg, item.sourceSystem, item.sourceId, item.sourceVersion, item.recordedAt,
                item.receivedAt);
    }

    private PersonHeader person(Disclosure disclosure) {
        var identities = disclosure.person();
        return disclosure.items().stream()
                .filter(i -> CareCategory.DEMOGRAPHICS.code().equals(i.item().category))
                .min(Comparator.comparing(DisclosedItem::item, HEADER_PRECEDENCE))
                .map(chosen -> fromPatient(identities.personId(), identities.nhsNumber(), read(chosen.resource()),
                        chosen.item().sourceOrg))
                .orElse(new PersonHeader(identities.personId(), identities.nhsNumber(), null, null, null, null,
                        List.of(), null));
    }

    private static PersonHeader fromPatient(java.util.UUID personId, String nhsNumber, JsonNode patient,
            String sourceOrg) {
        JsonNode name = patient.path("name").path(0);
        List<String> parts = new ArrayList<>();
        name.path("given").forEach(given -> parts.add(given.asText()));
        if (name.hasNonNull("family")) {
            parts.add(name.get("family").asText());
        }
        List<String> gps = StreamSupport.stream(patient.path("generalPractitioner").spliterator(), false)
                .map(gp -> gp.path("identifier"))
                .filter(id -> ODS_SYSTEM.equals(id.path("system").asText()))
                .map(id -> id.path("value").asText())
                .toList();
        return new PersonHeader(personId, nhsNumber, parts.isEmpty() ? null : String.join(" ", parts),
                text(patient.path("birthDate")), text(patient.path("gender")),
                text(patient.path("address").path(0).path("postalCode")), gps, sourceOrg);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private JsonNode read(String resource) {
        try {
            return json.readTree(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
