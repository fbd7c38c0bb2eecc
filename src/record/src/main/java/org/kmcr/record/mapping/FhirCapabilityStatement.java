package org.kmcr.record.mapping;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * The server's CapabilityStatement, made from what it serves: {@link FhirResourceType} (types and UK Core
 * profiles) and {@link FhirSearchParameters} (the parameters of each), plus {@code $everything} and
 * {@code $summary} on Patient. Built once and kept as JSON.
 */
@ApplicationScoped
public class FhirCapabilityStatement {

    static final String SEARCH_PARAMETER_BASE = "http://hl7.org/fhir/SearchParameter/";

    /** The type of each parameter, as the CapabilityStatement states it. */
    static final Map<String, Enumerations.SearchParamType> TYPES = Map.of(
            "identifier", Enumerations.SearchParamType.TOKEN, "patient", Enumerations.SearchParamType.REFERENCE,
            "category", Enumerations.SearchParamType.TOKEN, "date", Enumerations.SearchParamType.DATE,
            "code", Enumerations.SearchParamType.TOKEN, "status", Enumerations.SearchParamType.TOKEN,
            "_count", Enumerations.SearchParamType.NUMBER, "_sort", Enumerations.SearchParamType.STRING,
            "_lastUpdated", Enumerations.SearchParamType.DATE);

    private final FhirContext fhir;
    private volatile String json;

    FhirCapabilityStatement(FhirContext fhir) {
        this.fhir = fhir;
    }

    public String json() {
        if (json == null) {
            json = fhir.newJsonParser().encodeResourceToString(build());
        }
        return json;
    }

    CapabilityStatement build() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setPublisher("KMCR");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("KMCR record-query");
        statement.getImplementation().setDescription("KMCR shared care record: read-only FHIR R4 API of each "
                + "person's record, as consent lets the caller see it");
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        statement.addFormat("json");
        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("OAuth2 bearer tokens from the KMCR realm; every access is decided by consent and "
                        + "audited before anything is returned");
        for (FhirResourceType type : FhirResourceType.values()) {
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type.fhirName())
                    .setProfile(type.profile());
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            for (String name : FhirSearchParameters.supported(type)) {
                var parameter = resource.addSearchParam().setName(name).setType(TYPES.get(name));
                if (!name.equals("_count") && !name.equals("_sort")) {
                    parameter.setDefinition(SEARCH_PARAMETER_BASE + definition(type, name));
                }
            }
            if (type == FhirResourceType.PATIENT) {
                resource.addOperation().setName("everything")
                        .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything")
                        .setDocumentation("Pages of the person's record, recent first; takes " + String.join(", ",
                                FhirSearchParameters.EVERYTHING) + " (start/end filter care dates, _since "
                                + "KMCR's last change)");
                resource.addOperation().setName("summary")
                        .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-summary");
            }
        }
        return statement;
    }

    /** The id of the base specification's SearchParameter for a parameter of a type. */
    private static String definition(FhirResourceType type, String name) {
        if (name.startsWith("_")) {
            return "Resource-" + name.substring(1);
        }
        String shared = switch (name) {
            case "patient" -> "clinical-patient";
            case "date" -> "clinical-date";
            case "code" -> "clinical-code";
            case "identifier" -> "Patient-identifier";
            default -> type.fhirName() + "-" + name;
        };
        return shared;
    }
}
