package org.kmcr.ingest.hl7;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the bytes of an HL7 v2 message in the character set its MSH-18 names (HL7 table 0211); MSH itself is
 * always ASCII, so it can be read before the character set is known. A message without MSH-18 is read as UTF-8,
 * which is ASCII-compatible. A character set KMCR does not know is refused, never guessed.
 */
public final class Hl7Charsets {

    static final Map<String, Charset> TABLE_0211 = Map.ofEntries(
            Map.entry("ASCII", StandardCharsets.US_ASCII),
            Map.entry("8859/1", StandardCharsets.ISO_8859_1),
            Map.entry("8859/2", Charset.forName("ISO-8859-2")),
            Map.entry("8859/3", Charset.forName("ISO-8859-3")),
            Map.entry("8859/4", Charset.forName("ISO-8859-4")),
            Map.entry("8859/5", Charset.forName("ISO-8859-5")),
            Map.entry("8859/6", Charset.forName("ISO-8859-6")),
            Map.entry("8859/7", Charset.forName("ISO-8859-7")),
            Map.entry("8859/8", Charset.forName("ISO-8859-8")),
            Map.entry("8859/9", Charset.forName("ISO-8859-9")),
            Map.entry("8859/15", Charset.forName("ISO-8859-15")),
            Map.entry("UNICODE UTF-8", StandardCharsets.UTF_8),
            Map.entry("UTF-8", StandardCharsets.UTF_8),
            Map.entry("UNICODE UTF-16", StandardCharsets.UTF_16),
            Map.entry("UNICODE UTF-32", Charset.forName("UTF-32")));

    private Hl7Charsets() {
    }

    /** The message as text, decoded as its MSH-18 says. */
    public static String decode(byte[] message) {
        String ascii = new String(message, StandardCharsets.ISO_8859_1);
        return new String(message, charsetOf(ascii).orElseThrow(() -> Hl7Problems.rejected(
                Hl7Problems.UNSUPPORTED_VERSION, "MSH-18", "The character set in MSH-18 (" + msh18(ascii)
                        + ") is not one KMCR reads: use one of HL7 table 0211 (ASCII, 8859/1 ... 8859/15, "
                        + "UNICODE UTF-8)")));
    }

    /** The character set MSH-18 names; UTF-8 when it names none; empty when it names one KMCR does not know. */
    static Optional<Charset> charsetOf(String message) {
        String name = msh18(message);
        return name.isEmpty() ? Optional.of(StandardCharsets.UTF_8)
                : Optional.ofNullable(TABLE_0211.get(name.toUpperCase(Locale.ROOT)));
    }

    private static String msh18(String message) {
        return Hl7Header.of(message).characterSet();
    }
}
