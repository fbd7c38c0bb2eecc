package org.kmcr.systemtests.demo;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;

/**
 * The population the analytics dashboard shows in the local run and the browser test: people across the demo
 * region's postcode districts KM1-KM10 with SARS-CoV-2 results from the trust's laboratory over the last 8 weeks
 * (rising fastest in KM3 and KM7), some in hospital now and some living in a care home. Sent through the real
 * ingest API as the trust's PAS.
 */
public final class AnalyticsDemoData {

    public static final int PEOPLE = 320;
    static final long FIRST_NUMBER_STEM = 999_300_000L;
    static final String SNOMED = "http://snomed.info/sct";
    static final String[] DISTRICTS = {"KM1", "KM2", "KM3", "KM4", "KM5", "KM6", "KM7", "KM8", "KM9", "KM10"};
    static final String ETHNIC_CATEGORY =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";
    static final String ETHNIC_CATEGORY_SYSTEM =
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland";
    static final String[] ETHNIC = {"A", "A", "A", "A", "B", "C", "H", "J", "K", "M", "N", "D", "R", "Z"};

    private AnalyticsDemoData() {
    }

    /** The people's bundles, dated back from {@code today}. */
    public static List<DemoPerson> generate(int count, long seed, LocalDate today) {
        Random random = new Random(seed);
        List<DemoPerson> people = new ArrayList<>(count);
        long stem = FIRST_NUMBER_STEM;
        for (int i = 0; i < count; i++) {
            String nhsNumber;
            do {
                String digits = String.valueOf(stem++);
                int check = NhsNumber.checkDigit(digits);
                nhsNumber = check == 10 ? null : digits + check;
            } while (nhsNumber == null);
            String district = DISTRICTS[i % DISTRICTS.length];
            boolean female = random.nextBoolean();
            Demographics who = new Demographics(nhsNumber, female ? "Alex" : "Sam", "Analytics" + i,
                    female ? "female" : "male", LocalDate.of(1935, 1, 1).plusDays(random.nextInt(85 * 365)),
                    (1 + random.nextInt(90)) + " Station Road", "Kingsmere",
                    district + " " + (1 + random.nextInt(9)) + "AB", DemoRegion.GP_PRACTICE);
            SummaryBundleBuilder bundle = new SummaryBundleBuilder("rkm-an-" + i, who);
            boolean rising = "KM3".equals(district) || "KM7".equals(district);
            int tests = 1 + random.nextInt(2);
            for (int t = 0; t < tests; t++) {
                // rising districts: most results in the last 7 days; elsewhere spread over 8 weeks
                int daysAgo = rising && random.nextInt(10) < 7 ? random.nextInt(7) : random.nextInt(56);
                boolean detected = random.nextInt(100) < (rising ? 70 : 30);
                bundle.item(test(bundle, today.minusDays(daysAgo), detected), "covid");
            }
            if (random.nextInt(100) < 12) {
                bundle.item(inpatientStay(bundle, today.minusDays(random.nextInt(10))), "stay");
            }
            if (random.nextInt(100) < 8) {
                bundle.item(livesInCareHome(bundle), "home");
            }
            String json = withEthnicity(bundle.toJson(), "rkm-an-" + i, ETHNIC[random.nextInt(ETHNIC.length)]);
            people.add(new DemoPerson(nhsNumber, who.given() + " " + who.family(), who.gpPractice(),
                    List.of(new DemoPerson.Submission(DemoRegion.TRUST_PAS, json))));
        }
        return people;
    }

    /** Posts every bundle as its sender; answers how many were accepted (all, or it throws). */
    public static int load(Keycloak keycloak, KmcrClient client, List<DemoPerson> people) {
        SenderTokens senders = new SenderTokens(keycloak);
        int posted = 0;
        for (DemoPerson person : people) {
            for (DemoPerson.Submission submission : person.submissions()) {
                HttpResponse<String> response = client.postBundle(senders.forClient(submission.senderClientId()),
                        submission.bundleJson());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Ingest refused an analytics demo bundle (" + response.statusCode()
                            + "): " + response.body());
                }
                posted++;
            }
        }
        return posted;
    }

    /** The Patient with the UK Core ethnic category extension (the shared bundle builder makes the Patient). */
    static String withEthnicity(String bundleJson, String patientId, String code) {
        String patient = "\"resourceType\":\"Patient\",\"id\":\"" + patientId + "\",";
        if (!bundleJson.contains(patient)) {
            throw new IllegalStateException("No Patient " + patientId + " in the bundle");
        }
        return bundleJson.replace(patient, patient + "\"extension\":[{\"url\":\"" + ETHNIC_CATEGORY
                + "\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"" + ETHNIC_CATEGORY_SYSTEM
                + "\",\"code\":\"" + code + "\"}]}}],");
    }

    private static Observation test(SummaryBundleBuilder bundle, LocalDate day, boolean detected) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
        observation.setCode(new CodeableConcept(detected
                ? new Coding(SNOMED, "1240581000000104", "SARS-CoV-2 RNA detected")
                : new Coding(SNOMED, "1240591000000102", "SARS-CoV-2 RNA not detected")));
        observation.setSubject(bundle.subject());
        observation.setEffective(new DateTimeType(day + "T10:00:00Z"));
        return observation;
    }

    private static Encounter inpatientStay(SummaryBundleBuilder bundle, LocalDate admitted) {
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP",
                "inpatient encounter"));
        encounter.setSubject(bundle.subject());
        encounter.setPeriod(new Period().setStartElement(new DateTimeType(admitted + "T08:00:00Z")));
        return encounter;
    }

    private static Condition livesInCareHome(SummaryBundleBuilder bundle) {
        Condition condition = new Condition();
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        condition.setCode(new CodeableConcept(new Coding(SNOMED, "160734000", "Lives in a nursing home")));
        condition.setSubject(bundle.subject());
        condition.setRecordedDate(new Date());
        return condition;
    }
}
