package org.kmcr.ingest.mapping;

import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.common.consent.CareCategory;

/**
 * The record category of a resource, from its type and, where a type spans several categories, its codes. The
 * rules (documented in docs/api.md, "Categories"):
 * <ul>
 * <li>Patient: demographics; RelatedPerson: contacts; CareTeam: care-team; MedicationStatement and
 * MedicationRequest: medications; AllergyIntolerance: allergies; ServiceRequest: referrals; Consent:
 * advance-directives; DocumentReference: documents; Immunization: immunisations; Encounter: encounters; Location
 * (the person's current location): location.</li>
 * <li>Condition, Observation, DiagnosticReport coded as an infection (a code of {@link #INFECTION_CODES}):
 * infection-status; otherwise Condition: conditions, Observation and DiagnosticReport: results.</li>
 * <li>Flag with a safeguarding or child protection code or category ({@link #SAFEGUARDING_CODES}, or a category
 * text naming safeguarding or child protection): safeguarding; a Flag of a social care category: social-care;
 * any other Flag: alerts.</li>
 * <li>EpisodeOfCare and CarePlan of a mental health type or category ({@link #MENTAL_HEALTH_CODES}, or a text naming
 * mental health): mental-health; of a social care type or category ({@link #SOCIAL_CARE_CODES}, or a text naming
 * social care): social-care; other EpisodeOfCare: encounters; other CarePlan (end of life, crisis,
 * anticipatory): care-plans.</li>
 * </ul>
 */
public final class CategoryRules {

    /** SNOMED CT and LOINC codes of infections and their tests (COVID-19 and other notifiable infections). */
    static final Set<String> INFECTION_CODES = Set.of(
            "840539006", // COVID-19 (disorder)
            "1240581000000104", // SARS-CoV-2 RNA detected
            "1240591000000102", // SARS-CoV-2 RNA not detected
            "1324601000000106", // SARS-CoV-2 antigen detected
            "871562009", // Detection of SARS-CoV-2
            "94500-6", "94531-1", "94558-4", "95209-3", // LOINC SARS-CoV-2 RNA and antigen tests
            "186747009", // coronavirus infection
            "115329001", // MRSA (organism)
            "266096002", // MRSA carrier
            "186431008", // Clostridioides difficile infection
            "56717001", // tuberculosis
            "6142004", // influenza
            "86406008"); // HIV infection
    /** Codes of safeguarding and child protection flags (SNOMED CT). */
    static final Set<String> SAFEGUARDING_CODES = Set.of(
            "1141000000109", // child protection concern
            "390986009", // child protection plan (procedure)
            "764841000000100", // subject to child protection plan
            "722951000000108", // safeguarding concern
            "1110951000000104", // looked after child
            "1004061000000106"); // vulnerable adult
    /** Codes of mental health episodes and care plans (SNOMED CT). */
    static final Set<String> MENTAL_HEALTH_CODES = Set.of(
            "74500006", // mental health care
            "394587001", // psychiatry service
            "722165004", // mental health crisis plan
            "736253002"); // mental health crisis plan (record artifact)
    /** Codes of social care episodes and plans (SNOMED CT). */
    static final Set<String> SOCIAL_CARE_CODES = Set.of(
            "410447006", // social care
            "1110951000000104", // looked after child
            "764841000000100", // child protection plan
            "735324008"); // care package

    /** The resource types stored as items (each in one or more categories). */
    public static final Set<String> STORED_TYPES = Set.of("Patient", "RelatedPerson", "CareTeam",
            "MedicationStatement", "MedicationRequest", "AllergyIntolerance", "ServiceRequest", "Consent",
            "DocumentReference", "Immunization", "Encounter", "Location", "Condition", "Observation",
            "DiagnosticReport", "Flag", "EpisodeOfCare", "CarePlan");

    private CategoryRules() {
    }

    /** The category the resource is stored in; empty for types KMCR does not store as items. */
    public static Optional<CareCategory> categoryOf(Resource resource) {
        return Optional.ofNullable(switch (resource.fhirType()) {
            case "Patient" -> CareCategory.DEMOGRAPHICS;
            case "RelatedPerson" -> CareCategory.CONTACTS;
            case "CareTeam" -> CareCategory.CARE_TEAM;
            case "MedicationStatement", "MedicationRequest" -> CareCategory.MEDICATIONS;
            case "AllergyIntolerance" -> CareCategory.ALLERGIES;
            case "ServiceRequest" -> CareCategory.REFERRALS;
            case "Consent" -> CareCategory.ADVANCE_DIRECTIVES;
            case "DocumentReference" -> CareCategory.DOCUMENTS;
            case "Immunization" -> CareCategory.IMMUNISATIONS;
            case "Encounter" -> CareCategory.ENCOUNTERS;
            case "Location" -> CareCategory.LOCATION;
            case "Condition" -> infection(((Condition) resource).getCode()) ? CareCategory.INFECTION_STATUS
                    : CareCategory.CONDITIONS;
            case "Observation" -> infection(((Observation) resource).getCode())
                    || infection(((Observation) resource).getValue() instanceof CodeableConcept value ? value : null)
                    ? CareCategory.INFECTION_STATUS : CareCategory.RESULTS;
            case "DiagnosticReport" -> infection(((DiagnosticReport) resource).getCode())
                    || ((DiagnosticReport) resource).getConclusionCode().stream().anyMatch(CategoryRules::infection)
                    ? CareCategory.INFECTION_STATUS : CareCategory.RESULTS;
            case "Flag" -> flag((Flag) resource);
            case "EpisodeOfCare" -> episode((EpisodeOfCare) resource);
            case "CarePlan" -> carePlan((CarePlan) resource);
            default -> null;
        });
    }

    private static CareCategory flag(Flag flag) {
        if (matches(flag.getCode(), SAFEGUARDING_CODES, "safeguarding", "child protection", "looked after")
                || flag.getCategory().stream().anyMatch(c -> matches(c, SAFEGUARDING_CODES, "safeguarding",
                        "child protection", "looked after"))) {
            return CareCategory.SAFEGUARDING;
        }
        if (flag.getCategory().stream().anyMatch(c -> matches(c, SOCIAL_CARE_CODES, "social care"))) {
            return CareCategory.SOCIAL_CARE;
        }
        return CareCategory.ALERTS;
    }

    private static CareCategory episode(EpisodeOfCare episode) {
        if (episode.getType().stream().anyMatch(t -> matches(t, MENTAL_HEALTH_CODES, "mental health"))) {
            return CareCategory.MENTAL_HEALTH;
        }
        if (episode.getType().stream().anyMatch(t -> matches(t, SOCIAL_CARE_CODES, "social care"))) {
            return CareCategory.SOCIAL_CARE;
        }
        return CareCategory.ENCOUNTERS;
    }

    private static CareCategory carePlan(CarePlan plan) {
        if (plan.getCategory().stream().anyMatch(c -> matches(c, MENTAL_HEALTH_CODES, "mental health"))) {
            return CareCategory.MENTAL_HEALTH;
        }
        if (plan.getCategory().stream().anyMatch(c -> matches(c, SOCIAL_CARE_CODES, "social care",
                "care package", "child protection", "looked after"))) {
            return CareCategory.SOCIAL_CARE;
        }
        return CareCategory.CARE_PLANS;
    }

    private static boolean infection(CodeableConcept concept) {
        return concept != null && concept.getCoding().stream().map(Coding::getCode).anyMatch(INFECTION_CODES::contains);
    }

    private static boolean matches(CodeableConcept concept, Set<String> codes, String... words) {
        if (concept.getCoding().stream().map(Coding::getCode).anyMatch(codes::contains)) {
            return true;
        }
        String text = (concept.getText() + " " + concept.getCoding().stream().map(Coding::getDisplay)
                .toList()).toLowerCase(java.util.Locale.ROOT);
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
