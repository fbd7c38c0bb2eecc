package org.kmcr.ingest.hl7;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 v2 DTM/TS values ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) as instants. A time without an
 * offset is UK local time (Europe/London), as UK trusts send it.
 */
public final class Hl7Times {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\.\\d{1,4})?([+-]\\d{4})?");

    private Hl7Times() {
    }

    /** The instant, or null when the value is empty; an IllegalArgumentException when it is not a DTM. */
    public static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = DTM.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an HL7 date/time (YYYYMMDDHHMMSS)");
        }
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), number(m.group(2), 1),
                number(m.group(3), 1), number(m.group(4), 0), number(m.group(5), 0), number(m.group(6), 0),
                m.group(7) == null ? 0 : (int) (Double.parseDouble("0" + m.group(7)) * 1_000_000_000));
        return m.group(8) == null ? local.atZone(UK).toInstant()
                : local.toInstant(ZoneOffset.of(m.group(8).substring(0, 3) + ":" + m.group(8).substring(3)));
    }

    /** The calendar day of a DT/DTM value (a birth date), or null. */
    public static LocalDate date(String value) {
        if (value == null || value.length() < 8) {
            return null;
        }
        return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
    }

    static Date asDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static int number(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }
}
