package org.kmcr.ingest.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.ingest.TestBundles;
import org.kmcr.ingest.mapping.CategoryRules;

/** Each kind of social care row becomes the UK Core resource of its category; a bad row says what is wrong. */
class SocialCareMapperTest {

    private static SocialCareRow row(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of("record_id", "R1", "person_id", "P1",
                "updated_at", "2026-05-01T10:00:00Z", "start_date", "2026-01-10", "service", "children", "family", "Ball",
                "birth_date", "2015-03-01"));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new SocialCareRow(7, values);
    }

    @Test
    void eachRowTypeHasItsResourceAndCategory() throws Exception {
        record Case(String rowType, String resourceType, CareCategory category) {
        }
        for (Case c : List.of(
                new Case("case", "EpisodeOfCare", CareCategory.SOCIAL_CARE),
                new Case("care-package", "CarePlan", CareCategory.SOCIAL_CARE),
                new Case("looked-after", "Flag", CareCategory.SAFEGUARDING),
                new Case("child-protection-plan", "Flag", CareCategory.SAFEGUARDING),
                new Case("carer", "RelatedPerson", CareCategory.CONTACTS))) {
            SocialCareMapper.Mapped mapped = SocialCareMapper.map(row("row_type", c.rowType, "contact_name", "Ann Carer"),
                    "KMLA1");
            assertEquals(c.resourceType, mapped.resource().fhirType(), c.rowType);
            assertEquals(c.category, CategoryRules.categoryOf(mapped.resource()).orElseThrow(), c.rowType);
            assertEquals("R1", mapped.resource().getIdElement().getIdPart());
            assertEquals("P1", mapped.patient().getIdElement().getIdPart());
            assertNull(mapped.nhsNumber());
        }
    }

    @Test
    void anAllocatedCaseNamesItsTeamAndWorkerAndAssertsTheAllocation() throws Exception {
        String nhs = TestNhsNumbers.next();
        SocialCareMapper.Mapped mapped = SocialCareMapper.map(row("row_type", "case", "team_code", "CIN2",
                "team_name", "Children in need 2", "worker_id", "W9", "worker_name", "Sam Worker", "nhs_number", nhs,
                "end_date", "2020-02-01", "start_date", "2019-01-01"), "KMLA1");
        EpisodeOfCare episode = (EpisodeOfCare) mapped.resource();
        assertEquals("CIN2", episode.getTeamFirstRep().getIdentifier().getValue());
        assertEquals("Sam Worker", episode.getCareManager().getDisplay());
        assertEquals("KMLA1", episode.getManagingOrganization().getIdentifier().getValue());
        assertEquals(EpisodeOfCare.EpisodeOfCareStatus.FINISHED, episode.getStatus());
        assertEquals(nhs, mapped.nhsNumber());
        assertNotNull(mapped.allocation());
        assertEquals("2020-02-01", mapped.allocation().endsOn().toString());
        assertNull(SocialCareMapper.map(row("row_type", "case"), "KMLA1").allocation(), "an unallocated case");
    }

    @Test
    void withoutAnNhsNumberThePersonNeedsAFamilyNameAndBirthDate() {
        SocialCareMapper.RowRejected rejected = assertThrows(SocialCareMapper.RowRejected.class,
                () -> SocialCareMapper.map(row("row_type", "case", "birth_date", ""), "KMLA1"));
        assertEquals(List.of("nhs_number: is empty. Without an NHS number the patient is matched on demographics: it "
                + "needs at least a family name and a birth date (no birth date) (family, birth_date)"),
                rejected.problems());
    }

    @Test
    void everyProblemOfARowIsReportedWithItsColumn() {
        String valid = TestNhsNumbers.next();
        String invalid = TestBundles.withWrongCheckDigit(valid);
        SocialCareMapper.RowRejected rejected = assertThrows(SocialCareMapper.RowRejected.class,
                () -> SocialCareMapper.map(row("row_type", "case", "person_id", "", "nhs_number", invalid,
                        "updated_at", "yesterday", "service", "elderly", "end_date", "2025-01-01"), "KMLA1"));
        List<String> problems = rejected.problems();
        assertTrue(problems.contains("person_id: is required"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("nhs_number: ")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("updated_at: must be")), problems.toString());
        assertTrue(problems.contains("service: must be adults or children for a case row"), problems.toString());
        assertTrue(problems.contains("end_date: is before start_date"), problems.toString());
        assertThrows(SocialCareMapper.RowRejected.class, () -> SocialCareMapper.map(row("row_type", "visit"), "KMLA1"));
        assertThrows(SocialCareMapper.RowRejected.class, () -> SocialCareMapper.map(row("row_type", "carer"), "KMLA1"));
    }
}
