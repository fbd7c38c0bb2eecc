package org.kmcr.systemtests.bench.county;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;
import org.kmcr.systemtests.stack.DemoRegion;

/**
 * A person's care items as rows of {@code record.care_item} in COPY text format, with the columns ingest fills in
 * (category, type, status, code, dates, source key and version, content hash) and a UK Core R4 resource in
 * {@code resource}. The category mix is that of a shared care record fed by GP systems and an acute trust: results
 * and medications lead, safeguarding and advance directives are rare. Each category's items come from the source
 * that holds them (the trust for results, encounters and documents, when the person is known to it; else the GP).
 * Effective dates fall mostly in the last two years, a tail back to fifteen.
 */
final class CareItemRows {

    /** The columns written, in order. */
    static final String COLUMNS = "id, source_identity_id, category, resource_type, status, code_system, code, display, "
            + "effective_at, confidentiality, source_org, source_system, source_id, source_version, content_hash, "
            + "recorded_at, received_at, updated_at, version, resource, source_standing, security_labels, "
            + "source_updated_at";
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final String SNOMED = "http://snomed.info/sct";
    static final String UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";

    /** category, its resource type(s), weight per thousand, held by the trust (else the GP). */
    private static final Kind[] KINDS = {
        new Kind("results", 300, true), new Kind("medications", 170, false), new Kind("encounters", 120, true),
        new Kind("conditions", 90, false), new Kind("documents", 60, true), new Kind("immunisations", 45, false),
        new Kind("referrals", 35, false), new Kind("allergies", 25, false), new Kind("infection-status", 20, true),
        new Kind("mental-health", 20, true), new Kind("alerts", 15, false), new Kind("social-care", 15, false),
        new Kind("care-plans", 15, false), new Kind("care-team", 10, false), new Kind("contacts", 10, false),
        new Kind("advance-directives", 5, false), new Kind("safeguarding", 5, false), new Kind("location", 5, true)};
    private static final int TOTAL_WEIGHT;

    static {
        int total = 0;
        for (Kind kind : KINDS) {
            total += kind.weight;
        }
        TOTAL_WEIGHT = total;
    }

    private static final String[][] OBSERVATIONS = {{"271649006", "Systolic blood pressure", "mm[Hg]"},
        {"271650006", "Diastolic blood pressure", "mm[Hg]"}, {"27113001", "Body weight", "kg"},
        {"1022441000000109", "Serum sodium level", "mmol/L"}, {"1000731000000107", "Serum creatinine level", "umol/L"},
        {"1107481000000106", "Haemoglobin A1c level", "mmol/mol"}, {"1022541000000102", "Haemoglobin estimation", "g/L"},
        {"1017381000000106", "eGFR", "mL/min/1.73m2"}, {"1022431000000105", "Serum potassium level", "mmol/L"}};
    private static final String[][] MEDICINES = {{"322236009", "Paracetamol 500mg tablets"},
        {"318420003", "Atorvastatin 20mg tablets"}, {"325072002", "Metformin 500mg tablets"},
        {"318135007", "Ramipril 5mg capsules"}, {"317972000", "Omeprazole 20mg capsules"},
        {"319740004", "Amlodipine 5mg tablets"}, {"323509004", "Sertraline 50mg tablets"},
        {"317335000", "Levothyroxine 50microgram tablets"}, {"375947003", "Salbutamol 100micrograms/dose inhaler"}};
    private static final String[][] CONDITIONS = {{"44054006", "Type 2 diabetes mellitus"},
        {"38341003", "Hypertensive disorder"}, {"195967001", "Asthma"}, {"13645005", "Chronic obstructive lung disease"},
        {"49436004", "Atrial fibrillation"}, {"35489007", "Depressive disorder"}, {"709044004", "Chronic kidney disease"},
        {"396275006", "Osteoarthritis"}, {"22298006", "Myocardial infarction"}};
    private static final String[][] ALLERGENS = {{"764146007", "Penicillin"}, {"387458008", "Aspirin"},
        {"256349002", "Peanut"}, {"111088007", "Latex"}, {"387207008", "Ibuprofen"}};
    private static final String[][] VACCINES = {{"1119349007", "COVID-19 mRNA vaccine"},
        {"836377006", "Influenza vaccine"}, {"871871008", "Pneumococcal vaccine"}, {"871875004", "Shingles vaccine"}};
    private static final String[][] ENCOUNTERS = {{"AMB", "ambulatory", "11429006", "Consultation"},
        {"IMP", "inpatient encounter", "183452005", "Emergency hospital admission"},
        {"EMER", "emergency", "4525004", "Emergency department patient visit"},
        {"AMB", "ambulatory", "185389009", "Follow-up visit"}};

    private final MessageDigest sha256;
    private final StringBuilder json = new StringBuilder(1024);

    CareItemRows() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends all of the person's items as COPY rows; answers how many. */
    int append(CountyPerson person, long seed, StringBuilder out) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + person.index());
        int written = 0;
        written += patient(person, person.pdsIdentity(), DemoRegion.REGISTRATION_AUTHORITY, DemoRegion.PDS,
                "registration-authority", random, out);
        written += patient(person, person.gpIdentity(), person.gpPractice(), person.gpSystem(), "registered-practice",
                random, out);
        if (person.atTrust()) {
            written += patient(person, person.trustIdentity(), DemoRegion.TRUST, DemoRegion.TRUST_PAS, "other", random,
                    out);
        }
        for (int k = written; k < person.items(); k++) {
            Kind kind = pick(random);
            boolean trust = kind.atTrust && person.atTrust();
            item(person, k, kind.category, trust ? person.trustIdentity() : person.gpIdentity(),
                    trust ? DemoRegion.TRUST : person.gpPractice(), trust ? DemoRegion.TRUST_PAS : person.gpSystem(),
                    random, out);
            written++;
        }
        return written;
    }

    private int patient(CountyPerson p, UUID identity, String org, String system, String standing,
            SplittableRandom random, StringBuilder out) {
        String sourceId = "pat-" + p.index();
        json.setLength(0);
        json.append("{\"resourceType\":\"Patient\",\"id\":\"").append(sourceId).append("\",\"meta\":{\"profile\":[\"")
                .append(UK_CORE).append("Patient\"]},\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\","
                        + "\"value\":\"").append(p.nhsNumber()).append("\"}],\"name\":[{\"use\":\"official\",\"family\":\"")
                .append(p.family()).append("\",\"given\":[\"").append(p.given()).append("\"]}],\"gender\":\"")
                .append(p.gender()).append("\",\"birthDate\":\"").append(p.birthDate()).append("\",\"address\":[{"
                        + "\"use\":\"home\",\"line\":[\"").append(1 + random.nextInt(200)).append(" High Street\"],"
                        + "\"city\":\"Kingsmere\",\"postalCode\":\"").append(p.postcode()).append("\"}],"
                        + "\"generalPractitioner\":[{\"identifier\":{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\","
                        + "\"value\":\"").append(p.gpPractice()).append("\"}}]}");
        row(out, CountyPopulation.uuid(random), identity, "demographics", "Patient", "active", null, null, null, null,
                org, system, sourceId, received(random), standing);
        return 1;
    }

    private void item(CountyPerson p, int k, String category, UUID identity, String org, String system,
            SplittableRandom random, StringBuilder out) {
        Instant effective = effective(random);
        String date = effective.toString();
        String subject = "\"subject\":{\"reference\":\"Patient/pat-" + p.index() + "\"}";
        String sourceId = category.substring(0, 3) + "-" + p.index() + "-" + k;
        json.setLength(0);
        String type;
        String status;
        String[] code;
        switch (category) {
            case "results" -> {
                String[] o = OBSERVATIONS[random.nextInt(OBSERVATIONS.length)];
                code = o;
                if (random.nextInt(100) < 85) {
                    type = "Observation";
                    status = "final";
                    start(type, sourceId).append(",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                            + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"laboratory\"}]}]");
                    coded(o).append(',').append(subject).append(",\"effectiveDateTime\":\"").append(date)
                            .append("\",\"valueQuantity\":{\"value\":").append(10 + random.nextInt(140)).append(",\"unit\":\"")
                            .append(o[2]).append("\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"").append(o[2])
                            .append("\"}}");
                } else {
                    type = "DiagnosticReport";
                    status = "final";
                    start(type, sourceId).append(",\"status\":\"final\"");
                    coded(o).append(',').append(subject).append(",\"effectiveDateTime\":\"").append(date)
                            .append("\",\"issued\":\"").append(date).append("\",\"conclusion\":\"Within reference range\"}");
                }
            }
            case "infection-status" -> {
                type = "Observation";
                status = "final";
                code = new String[] {"1240581000000104", "SARS-CoV-2 RNA detected"};
                start(type, sourceId).append(",\"status\":\"final\"");
                coded(code).append(',').append(subject).append(",\"effectiveDateTime\":\"").append(date).append("\"}");
            }
            case "medications" -> {
                code = MEDICINES[random.nextInt(MEDICINES.length)];
                status = random.nextInt(10) < 7 ? "active" : "completed";
                if (random.nextInt(10) < 6) {
                    type = "MedicationStatement";
                    start(type, sourceId).append(",\"status\":\"").append(status).append("\",\"medicationCodeableConcept\":");
                    concept(code).append(',').append(subject).append(",\"effectivePeriod\":{\"start\":\"").append(date)
                            .append("\"},\"dateAsserted\":\"").append(date).append("\",\"dosage\":[{\"text\":\"One tablet daily\"}]}");
                } else {
                    type = "MedicationRequest";
                    status = "active";
                    start(type, sourceId).append(",\"status\":\"active\",\"intent\":\"order\",\"medicationCodeableConcept\":");
                    concept(code).append(',').append(subject).append(",\"authoredOn\":\"").append(date)
                            .append("\",\"dosageInstruction\":[{\"text\":\"One tablet daily\"}]}");
                }
            }
            case "conditions" -> {
                type = "Condition";
                code = CONDITIONS[random.nextInt(CONDITIONS.length)];
                status = "active";
                start(type, sourceId).append(",\"clinicalStatus\":{\"coding\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
                        + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-category\","
                        + "\"code\":\"problem-list-item\"}]}]");
                coded(code).append(',').append(subject).append(",\"onsetDateTime\":\"").append(date)
                        .append("\",\"recordedDate\":\"").append(date).append("\"}");
            }
            case "allergies" -> {
                type = "AllergyIntolerance";
                code = ALLERGENS[random.nextInt(ALLERGENS.length)];
                status = "active";
                start(type, sourceId).append(",\"clinicalStatus\":{\"coding\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical\",\"code\":\"active\"}]},"
                        + "\"verificationStatus\":{\"coding\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification\",\"code\":\"confirmed\"}]}");
                coded(code).append(",\"patient\":{\"reference\":\"Patient/pat-").append(p.index())
                        .append("\"},\"recordedDate\":\"").append(date).append("\"}");
            }
            case "immunisations" -> {
                type = "Immunization";
                code = VACCINES[random.nextInt(VACCINES.length)];
                status = "completed";
                start(type, sourceId).append(",\"status\":\"completed\",\"vaccineCode\":");
                concept(code).append(",\"patient\":{\"reference\":\"Patient/pat-").append(p.index())
                        .append("\"},\"occurrenceDateTime\":\"").append(date).append("\"}");
            }
            case "encounters" -> {
                type = "Encounter";
                String[] e = ENCOUNTERS[random.nextInt(ENCOUNTERS.length)];
                code = new String[] {e[2], e[3]};
                status = "finished";
                start(type, sourceId).append(",\"status\":\"finished\",\"class\":{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"").append(e[0])
                        .append("\",\"display\":\"").append(e[1]).append("\"},\"type\":[");
                concept(code).append("],").append(subject).append(",\"period\":{\"start\":\"").append(date)
                        .append("\",\"end\":\"").append(effective.plus(1 + random.nextInt(72), ChronoUnit.HOURS))
                        .append("\"},\"serviceProvider\":{\"identifier\":{\"system\":"
                                + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"").append(org).append("\"}}}");
            }
            case "documents" -> {
                type = "DocumentReference";
                code = new String[] {"373942005", "Discharge summary"};
                status = "current";
                start(type, sourceId).append(",\"status\":\"current\",\"type\":");
                concept(code).append(',').append(subject).append(",\"date\":\"").append(date).append("\",\"content\":[{"
                        + "\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://docs.rkm.example/")
                        .append(sourceId).append("\",\"title\":\"Discharge summary\"}}]}");
            }
            case "referrals" -> {
                type = "ServiceRequest";
                code = new String[] {"3457005", "Patient referral"};
                status = "active";
                start(type, sourceId).append(",\"status\":\"active\",\"intent\":\"order\"");
                coded(code).append(',').append(subject).append(",\"authoredOn\":\"").append(date)
                        .append("\",\"performer\":[{\"identifier\":{\"system\":"
                                + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"RKM\"}}]}");
            }
            case "alerts", "safeguarding" -> {
                type = "Flag";
                code = category.equals("alerts") ? new String[] {"15188001", "Hearing impaired"}
                        : new String[] {"1004061000000106", "Vulnerable adult"};
                status = "active";
                start(type, sourceId).append(",\"status\":\"active\"");
                coded(code).append(',').append(subject).append(",\"period\":{\"start\":\"").append(date).append("\"}}");
            }
            case "mental-health", "social-care" -> {
                type = "EpisodeOfCare";
                code = category.equals("mental-health") ? new String[] {"74500006", "Mental health care"}
                        : new String[] {"410447006", "Social care"};
                status = "active";
                start(type, sourceId).append(",\"status\":\"active\",\"type\":[");
                concept(code).append("],\"patient\":{\"reference\":\"Patient/pat-").append(p.index())
                        .append("\"},\"period\":{\"start\":\"").append(date).append("\"}}");
            }
            case "care-plans" -> {
                type = "CarePlan";
                code = new String[] {"736373009", "End of life care plan"};
                status = "active";
                start(type, sourceId).append(",\"status\":\"active\",\"intent\":\"plan\",\"category\":[");
                concept(code).append("],").append(subject).append(",\"created\":\"").append(date).append("\"}");
            }
            case "care-team" -> {
                type = "CareTeam";
                code = new String[] {"734156000", "Long term care team"};
                status = "active";
                start(type, sourceId).append(",\"status\":\"active\",\"category\":[");
                concept(code).append("],").append(subject).append(",\"period\":{\"start\":\"").append(date).append("\"}}");
            }
            case "contacts" -> {
                type = "RelatedPerson";
                code = new String[] {"NOK", "next of kin"};
                status = "active";
                start(type, sourceId).append(",\"active\":true,\"patient\":{\"reference\":\"Patient/pat-")
                        .append(p.index()).append("\"},\"relationship\":[{\"coding\":[{\"system\":"
                                + "\"http://terminology.hl7.org/CodeSystem/v2-0131\",\"code\":\"N\",\"display\":"
                                + "\"Next-of-Kin\"}]}],\"name\":[{\"family\":\"").append(p.family())
                        .append("\",\"given\":[\"Sam\"]}],\"telecom\":[{\"system\":\"phone\",\"value\":\"07700 900")
                        .append(100 + random.nextInt(900)).append("\"}]}");
            }
            case "advance-directives" -> {
                type = "Consent";
                code = new String[] {"304253006", "Not for resuscitation"};
                status = "active";
                start(type, sourceId).append(",\"status\":\"active\",\"scope\":{\"coding\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/consentscope\",\"code\":\"adr\"}]},\"category\":[");
                concept(code).append("],\"patient\":{\"reference\":\"Patient/pat-").append(p.index())
                        .append("\"},\"dateTime\":\"").append(date).append("\"}");
            }
            case "location" -> {
                type = "Location";
                code = new String[] {"RKM-W12", "Ward 12"};
                status = "active";
                start(type, sourceId).append(",\"status\":\"active\",\"name\":\"Ward 12, Kingsmere University Hospital\","
                        + "\"managingOrganization\":{\"identifier\":{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"RKM\"}}}");
            }
            default -> throw new IllegalStateException(category);
        }
        row(out, CountyPopulation.uuid(random), identity, category, type, status, SNOMED, code[0], code[1], effective,
                org, system, sourceId, received(random), null);
    }

    private StringBuilder start(String type, String id) {
        return json.append("{\"resourceType\":\"").append(type).append("\",\"id\":\"").append(id)
                .append("\",\"meta\":{\"profile\":[\"").append(UK_CORE).append(type).append("\"]}");
    }

    private StringBuilder coded(String[] code) {
        json.append(",\"code\":");
        return concept(code);
    }

    private StringBuilder concept(String[] code) {
        return json.append("{\"coding\":[{\"system\":\"").append(SNOMED).append("\",\"code\":\"").append(code[0])
                .append("\",\"display\":\"").append(code[1]).append("\"}]}");
    }

    private void row(StringBuilder out, UUID id, UUID identity, String category, String type, String status,
            String codeSystem, String code, String display, Instant effective, String org, String system,
            String sourceId, Instant received, String standing) {
        String resource = json.toString();
        String hash = HexFormat.of().formatHex(sha256.digest(resource.getBytes(StandardCharsets.UTF_8)));
        out.append(id).append('\t').append(identity).append('\t').append(category).append('\t').append(type).append('\t');
        field(out, status);
        field(out, codeSystem);
        field(out, code);
        field(out, display);
        field(out, effective == null ? null : effective.toString());
        field(out, null); // confidentiality: normal
        out.append(org).append('\t').append(system).append('\t').append(sourceId).append('\t')
                .append("sha256:").append(hash, 0, 16).append('\t').append(hash).append('\t');
        String when = received.toString();
        out.append(when).append('\t').append(when).append('\t').append(when).append("\t1\t");
        // the resource is JSON without tabs, newlines or backslashes (the generator writes none), so COPY needs no escaping
        out.append(resource).append('\t');
        field(out, standing);
        out.append("{}\t").append(when).append('\n');
    }

    private static void field(StringBuilder out, String value) {
        out.append(value == null ? "\\N" : value).append('\t');
    }

    private static Instant effective(SplittableRandom random) {
        // exponential with a mean of two years, capped at fifteen: most of a record is recent
        double years = Math.min(15, -2 * Math.log(1 - random.nextDouble()));
        return NOW.minusSeconds((long) (years * 365.25 * 86_400)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant received(SplittableRandom random) {
        return NOW.minusSeconds(random.nextInt(30 * 86_400)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Kind pick(SplittableRandom random) {
        int r = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : KINDS) {
            r -= kind.weight;
            if (r < 0) {
                return kind;
            }
        }
        return KINDS[0];
    }

    private record Kind(String category, int weight, boolean atTrust) {
    }
}
