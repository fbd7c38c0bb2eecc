package org.kmcr.systemtests.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.systemtests.stack.DemoRegion;

/**
 * Deterministic synthetic people of the demo region: the same count and seed always give the same people and
 * bundles. Person 0 is the demo citizen, Mary Jones. The registration authority's feed (PDS) sends everyone's
 * demographics first, as a Patient-only bundle naming their registered practice: that is what registers them there.
 * People registered at K81001 have their GP record sent by the practice's system, people at K81002 are known to KMCR
 * otherwise through the trust's PAS only, and every third person also has a hospital episode sent by the trust's PAS
 * under the trust's own local patient id.
 */
public final class DemoData {

    /** NHS numbers of the people after the citizen are taken in order from here (the 999 test range). */
    private static final long FIRST_NUMBER_STEM = 999_100_000L;
    private static final String REGION_TOWN = "Kingsmere";
    /** The trust's PAS numbers its patients rkm-100000, rkm-100001, ... (person 0 is the citizen). */
    private static final String TRUST_PATIENT_ID_PREFIX = "rkm-";
    private static final int TRUST_PATIENT_ID_BASE = 100_000;

    private final Random random;
    private final Faker faker;
    private long nextStem = FIRST_NUMBER_STEM;

    private DemoData(long seed) {
        this.random = new Random(seed);
        this.faker = new Faker(new Locale("en", "GB"), random);
    }

    public static List<DemoPerson> generate(int count, long seed) {
        DemoData data = new DemoData(seed);
        List<DemoPerson> people = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            people.add(data.person(index));
        }
        return people;
    }

    private DemoPerson person(int index) {
        Demographics who = index == 0 ? citizen() : synthetic(index);
        boolean hospitalEpisode = index % 3 == 0;
        String trustPatientId = TRUST_PATIENT_ID_PREFIX + (TRUST_PATIENT_ID_BASE + index);
        List<DemoPerson.Submission> submissions = new ArrayList<>();
        submissions.add(new DemoPerson.Submission(DemoRegion.PDS,
                new SummaryBundleBuilder("pds-" + who.nhsNumber(), who).toJson()));
        if (DemoRegion.GP_PRACTICE.equals(who.gpPractice())) {
            submissions.add(new DemoPerson.Submission(DemoRegion.GP_SYSTEM,
                    gpRecord(new SummaryBundleBuilder("gp-" + (500_000 + index), who)).toJson()));
            if (hospitalEpisode) {
                submissions.add(new DemoPerson.Submission(DemoRegion.TRUST_PAS,
                        hospitalEpisode(new SummaryBundleBuilder(trustPatientId, who)).toJson()));
            }
        } else {
            SummaryBundleBuilder trustRecord = gpRecord(new SummaryBundleBuilder(trustPatientId, who));
            submissions.add(new DemoPerson.Submission(DemoRegion.TRUST_PAS,
                    (hospitalEpisode ? hospitalEpisode(trustRecord) : trustRecord).toJson()));
        }
        return new DemoPerson(who.nhsNumber(), who.fullName(), who.gpPractice(), submissions);
    }

    /**
     * The attack issue 5 was found with: the trust's PAS sends the demo citizen's Patient (under its own local
     * id for her) naming the trust as her GP practice. Ingest stores it; consent keeps the registration as
     * unverified, so it gives the trust no access, and her header still comes from her practice.
     */
    public static String trustNamingItselfTheCitizensGp() {
        Demographics citizen = citizen();
        Demographics claimed = new Demographics(citizen.nhsNumber(), citizen.given(), citizen.family(),
                citizen.gender(), citizen.birthDate(), citizen.addressLine(), citizen.city(), citizen.postcode(),
                DemoRegion.TRUST);
        return new SummaryBundleBuilder(TRUST_PATIENT_ID_PREFIX + TRUST_PATIENT_ID_BASE, claimed).toJson();
    }

    private static Demographics citizen() {
        return new Demographics(DemoRegion.CITIZEN_NHS_NUMBER, "Mary", "Jones", "female", LocalDate.of(1950, 3, 14),
                "1 Mill Lane", REGION_TOWN, "KM1 2AB", DemoRegion.GP_PRACTICE);
    }

    private Demographics synthetic(int index) {
        boolean female = random.nextBoolean();
        String given = female ? faker.name().femaleFirstName() : faker.name().maleFirstName();
        return new Demographics(nextNhsNumber(), given, faker.name().lastName(), female ? "female" : "male",
                LocalDate.of(1935, 1, 1).plusDays(random.nextInt(85 * 365)),
                (1 + random.nextInt(120)) + " " + faker.address().streetName(), REGION_TOWN, faker.address().postcode(),
                index % 2 == 0 ? DemoRegion.GP_PRACTICE : DemoRegion.SECOND_GP_PRACTICE);
    }

    /** What a GP record holds: 0-3 allergies, 0-4 medications, 1-4 long-term conditions. */
    private SummaryBundleBuilder gpRecord(SummaryBundleBuilder bundle) {
        pick(ClinicalCodes.ALLERGIES, random.nextInt(4)).forEach(code -> bundle.allergy(code, pastDay(2005)));
        pick(ClinicalCodes.MEDICATIONS, random.nextInt(5)).forEach(code -> bundle.medication(code, pastDay(2015)));
        pick(ClinicalCodes.LONG_TERM_CONDITIONS, 1 + random.nextInt(4))
                .forEach(code -> bundle.condition(code, pastDay(2005)));
        return bundle;
    }

    /** What a hospital episode adds: 1-2 conditions and 1-2 medications. */
    private SummaryBundleBuilder hospitalEpisode(SummaryBundleBuilder bundle) {
        pick(ClinicalCodes.HOSPITAL_CONDITIONS, 1 + random.nextInt(2))
                .forEach(code -> bundle.condition(code, pastDay(2024)));
        pick(ClinicalCodes.MEDICATIONS, 1 + random.nextInt(2)).forEach(code -> bundle.medication(code, pastDay(2024)));
        return bundle;
    }

    private String nextNhsNumber() {
        while (true) {
            String stem = String.valueOf(nextStem++);
            int check = NhsNumber.checkDigit(stem);
            if (check != 10) {
                return stem + check;
            }
        }
    }

    private <T> List<T> pick(List<T> from, int count) {
        List<T> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    /** A day from 1 January of the given year up to the end of 2025. */
    private LocalDate pastDay(int fromYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        int days = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - from.toEpochDay());
        return from.plusDays(random.nextInt(days + 1));
    }
}
