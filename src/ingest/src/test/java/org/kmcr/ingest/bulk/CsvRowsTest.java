package org.kmcr.ingest.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kmcr.ingest.bulk.RowSource.RowResult;

/** Reading extracts row by row: RFC 4180 CSV and JSON lines, and the rows that cannot be read. */
class CsvRowsTest {

    private static List<RowResult> read(ExtractFormat format, String text, int max) throws IOException {
        try (RowSource rows = format.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new ObjectMapper())) {
            return rows.next(max);
        }
    }

    @Test
    void csvFieldsMayHoldQuotesCommasAndLineBreaks() throws IOException {
        List<RowResult> rows = read(ExtractFormat.CSV, "\uFEFFRow_Type,record_id,description\r\n"
                + "care-package,CP1,\"Two visits a day, \"\"morning\"\" and\nevening\"\r\n"
                + "carer,C1,\r\n\r\n", 10);
        assertEquals(2, rows.size());
        assertEquals("care-package", rows.get(0).row().get("row_type"));
        assertEquals("Two visits a day, \"morning\" and\nevening", rows.get(0).row().get("description"));
        assertEquals(1, rows.get(0).number());
        assertEquals(2, rows.get(1).number());
        assertNull(rows.get(1).row().get("description"));
    }

    @Test
    void aBadRowIsReportedAndReadingGoesOn() throws IOException {
        List<RowResult> rows = read(ExtractFormat.CSV, "a,b\n1,2,3\n4,5\n6,\"unclosed\n", 10);
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).error().contains("3 fields"), rows.get(0).error());
        assertEquals("1,2,3", rows.get(0).raw());
        assertEquals("5", rows.get(1).row().get("b"));
        assertTrue(rows.get(2).error().contains("not closed"), rows.get(2).error());
    }

    @Test
    void rowsComeInBatchesOfTheSizeAsked() throws IOException {
        StringBuilder csv = new StringBuilder("a\n");
        for (int i = 0; i < 25; i++) {
            csv.append(i).append('\n');
        }
        try (RowSource rows = ExtractFormat.CSV.open(new ByteArrayInputStream(csv.toString()
                .getBytes(StandardCharsets.UTF_8)), new ObjectMapper())) {
            assertEquals(10, rows.next(10).size());
            assertEquals(10, rows.next(10).size());
            List<RowResult> last = rows.next(10);
            assertEquals(5, last.size());
            assertEquals(25, last.get(4).number());
            assertEquals(0, rows.next(10).size());
        }
    }

    @Test
    void anEmptyCsvHasNoHeader() {
        assertThrows(IOException.class, () -> read(ExtractFormat.CSV, "", 1));
    }

    @Test
    void jsonLinesAreObjectsOfStrings() throws IOException {
        List<RowResult> rows = read(ExtractFormat.JSON_LINES, "{\"row_type\":\"case\",\"Record_ID\":\"A1\",\"x\":null}\n"
                + "\n[1]\n{\"team\":{\"a\":1}}\nnot json\n{\"n\":5}\n", 10);
        assertEquals(5, rows.size());
        assertEquals("A1", rows.get(0).row().get("record_id"));
        assertNull(rows.get(0).row().get("x"));
        assertEquals("The line is not a JSON object", rows.get(1).error());
        assertEquals(2, rows.get(1).number());
        assertTrue(rows.get(2).error().contains("\"team\""));
        assertTrue(rows.get(3).error().startsWith("The line is not JSON"));
        assertEquals("5", rows.get(4).row().get("n"));
    }
}
