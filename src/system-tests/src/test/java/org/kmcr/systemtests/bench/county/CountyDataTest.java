package org.kmcr.systemtests.bench.county;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.nhs.NhsNumber;

/** The county benchmark's synthetic data: valid, deterministic, of the asked size, every category, parseable FHIR. */
class CountyDataTest {

    private static final CountyShape SMALL = new CountyShape(2_000, 120_000, 5_000, 7L, 1);

    @Test
    void nhsNumbersAreValidAndDistinct() {
        NhsNumbers numbers = new NhsNumbers();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String number = numbers.next();
            assertEquals(java.util.Optional.empty(), NhsNumber.problemWith(number), number);
            assertTrue(seen.add(number), number);
        }
    }

    @Test
    void theSameSeedGivesTheSameCountyOfTheAskedSize() {
        CountyPopulation one = CountyPopulation.generate(SMALL);
        CountyPopulation two = CountyPopulation.generate(SMALL);
        assertEquals(one.persons(), two.persons());
        assertEquals(5_000, one.large().items());
        long total = one.totalItems();
        assertTrue(Math.abs(total - SMALL.items()) < SMALL.items() * 0.02, "items " + total);
        int[] sizes = one.persons().stream().skip(1).mapToInt(CountyPerson::items).sorted().toArray();
        // long-tailed: the mean well above the median, a tail ten times the median
        double mean = Arrays.stream(sizes).average().orElseThrow();
        int median = sizes[sizes.length / 2];
        assertTrue(mean > 1.5 * median, "mean " + mean + ", median " + median);
        assertTrue(sizes[sizes.length * 99 / 100] > 10 * median, "p99 " + sizes[sizes.length * 99 / 100]);
    }

    @Test
    void everyRowHasTheColumnsAndAParseableUkCoreResourceOfItsCategory() {
        CountyPopulation county = CountyPopulation.generate(SMALL);
        IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        CareItemRows rows = new CareItemRows();
        Map<String, Integer> byCategory = new HashMap<>();
        Set<String> keys = new HashSet<>();
        int columns = CareItemRows.COLUMNS.split(",").length;
        for (CountyPerson person : county.persons().subList(0, 300)) {
            StringBuilder out = new StringBuilder();
            int written = rows.append(person, SMALL.seed(), out);
            List<String> lines = List.of(out.toString().split("\n"));
            assertEquals(person.items(), written);
            assertEquals(written, lines.size());
            for (String line : lines) {
                String[] c = line.split("\t", -1);
                assertEquals(columns, c.length, line);
                assertTrue(keys.add(c[10] + "|" + c[11] + "|" + c[3] + "|" + c[12]), "source key unique: " + line);
                Resource resource = (Resource) parser.parseResource(c[19]);
                assertEquals(c[3], resource.fhirType());
                assertEquals(c[12], resource.getIdElement().getIdPart());
                assertTrue(CareCategory.ofCode(c[2]).isPresent(), c[2]);
                byCategory.merge(c[2], 1, Integer::sum);
            }
        }
        assertEquals(CareCategory.values().length, byCategory.size(), "every category: " + byCategory);
        assertTrue(byCategory.get("results") > byCategory.get("safeguarding") * 20, byCategory.toString());
    }
}
