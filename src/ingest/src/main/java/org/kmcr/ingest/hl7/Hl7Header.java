package org.kmcr.ingest.hl7;

import java.util.regex.Pattern;

/**
 * What an acknowledgement needs from a message's MSH, read from the raw text so that even a message that cannot be
 * parsed gets an ACK that names it (MSA-2 = MSH-10).
 */
public record Hl7Header(String sendingApplication, String sendingFacility, String receivingApplication,
        String receivingFacility, String messageCode, String triggerEvent, String controlId, String processingId,
        String version, String characterSet) {

    /** The header of the message; empty fields when there is no MSH segment. */
    public static Hl7Header of(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf('\r');
        int lf = trimmed.indexOf('\n');
        end = end < 0 ? lf : lf < 0 ? end : Math.min(end, lf);
        String msh = end < 0 ? trimmed : trimmed.substring(0, end);
        if (!msh.startsWith("MSH") || msh.length() < 8) {
            return new Hl7Header("", "", "", "", "", "", "", "P", "2.5.1", "");
        }
        char fieldSeparator = msh.charAt(3);
        char componentSeparator = msh.charAt(4);
        String[] fields = msh.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
        String type = field(fields, 9);
        String[] typeParts = type.split(Pattern.quote(String.valueOf(componentSeparator)), -1);
        return new Hl7Header(first(field(fields, 3), componentSeparator), first(field(fields, 4), componentSeparator),
                first(field(fields, 5), componentSeparator), first(field(fields, 6), componentSeparator),
                typeParts[0], typeParts.length > 1 ? typeParts[1] : "", field(fields, 10),
                first(field(fields, 11), componentSeparator), first(field(fields, 12), componentSeparator),
                firstRepetition(field(fields, 18), msh.length() > 5 ? msh.charAt(5) : '~').trim());
    }

    /** MSH-n: fields[0] is "MSH" and MSH-1 is the separator itself, so MSH-n is fields[n - 1]. */
    private static String field(String[] fields, int number) {
        return fields.length > number - 1 ? fields[number - 1] : "";
    }

    private static String firstRepetition(String value, char repetitionSeparator) {
        int at = value.indexOf(repetitionSeparator);
        return at < 0 ? value : value.substring(0, at);
    }

    private static String first(String value, char componentSeparator) {
        int at = value.indexOf(componentSeparator);
        return at < 0 ? value : value.substring(0, at);
    }
}
