package org.kmcr.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import java.util.ArrayList;
import java.util.List;
import org.kmcr.common.hash.Sha256;

/** Reading fields of parsed HL7 v2 segments: empty values as null, escape sequences already decoded by the parser. */
final class Hl7Fields {

    private Hl7Fields() {
    }

    /** Field {@code field}, repetition {@code rep}, component and subcomponent (1-based) of the segment, or null. */
    static String get(Segment segment, int field, int rep, int component, int subcomponent) {
        if (segment == null) {
            return null;
        }
        try {
            String value = Terser.get(segment, field, rep, component, subcomponent);
            return value == null || value.isBlank() || "\"\"".equals(value) ? null : value.trim();
        } catch (HL7Exception e) {
            return null;
        }
    }

    static String get(Segment segment, int field, int component) {
        return get(segment, field, 0, component, 1);
    }

    static String get(Segment segment, int field) {
        return get(segment, field, 0, 1, 1);
    }

    /** How many repetitions the field has. */
    static int repetitions(Segment segment, int field) {
        try {
            return segment == null ? 0 : segment.getField(field).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }

    /** The first segment of that name anywhere in the message, or null. */
    static Segment segment(Message message, String name) {
        try {
            Segment segment = new Terser(message).getSegment("/." + name);
            return segment.isEmpty() ? null : segment;
        } catch (HL7Exception e) {
            return null;
        }
    }

    /** Every segment of that name directly in the message, in order. */
    static List<Segment> all(Message message, String name) {
        List<Segment> segments = new ArrayList<>();
        try {
            for (Structure structure : message.getAll(name)) {
                if (structure instanceof Segment segment && !segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        } catch (HL7Exception e) {
            // the message's structure has no such segment
        }
        return segments;
    }

    /** A FHIR id for a source's identifier: its allowed characters kept, others replaced, at most 64 long. */
    static String fhirId(String value) {
        String id = value.replaceAll("[^A-Za-z0-9\\-.]", "-");
        return id.length() <= 64 ? id : id.substring(0, 40) + "-" + Sha256.hex(value).substring(0, 23);
    }
}
