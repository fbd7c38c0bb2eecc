package org.kmcr.ingest.hl7;

import java.util.UUID;

/** HL7 v2.4 ADT messages of one test patient, as a trust's PAS sends them. */
final class Hl7Messages {

    final String localId = "MRN" + UUID.randomUUID().toString().substring(0, 8);
    final String nhsNumber;
    final String visit = "V" + UUID.randomUUID().toString().substring(0, 8);
    private int controlId;

    Hl7Messages(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    String nextControlId() {
        return localId + "-" + (++controlId);
    }

    String pid(String family) {
        return "PID|1||" + localId + "^^^RKM^MR~" + nhsNumber + "^^^NHS^NH||" + family + "^Mary^Ann^^Mrs||19700304|F|||"
                + "1 High Street^Flat 2^Kingsmere^^KM1 2AB^GBR^H||01632 960000^PRN^PH";
    }

    /** An ADT event at a time (yyyyMMddHHmm), the patient in PV1-3 ward^room^bed, with PV1-2 patient class. */
    String adt(String event, String time, String family, String patientClass, String location, String pv1Tail) {
        return "MSH|^~\\&|PAS|RKM|KMCR|KMCR|" + time + "||ADT^" + event + "|" + nextControlId() + "|P|2.4\r"
                + "EVN|" + event + "|" + time + "\r"
                + pid(family) + "\r"
                + "PD1|||Kingsmere Surgery^^K81001^^^^^^^K81001\r"
                + "PV1|1|" + patientClass + "|" + pointOfCare(location) + "^Kingsmere General||||C123^Jones^Ann|||MED||||||||"
                + "|" + visit + pv1Tail + "\r";
    }

    /** PL-1 to PL-3 (point of care, room, bed), padded so that PL-4 is the facility. */
    private static String pointOfCare(String location) {
        String padded = location;
        for (int parts = location.split("\\^", -1).length; parts < 3; parts++) {
            padded += "^";
        }
        return padded;
    }

    String adt(String event, String time, String location) {
        return adt(event, time, "Jones", "I", location, "");
    }

    /** An ORU^R01 result (one OBR, one OBX) about the patient, with PID-5's family name; no PD1, no PV1. */
    String oru(String family) {
        String control = nextControlId();
        return "MSH|^~\\&|LAB|RKM|KMCR|KMCR|202605011100||ORU^R01|" + control + "|P|2.4\r" + pid(family) + "\r"
                + "OBR|1|" + control + "|" + control + "|us-0003^UREA AND ELECTROLYTES^WinPath||202605011100|"
                + "202605011100||||||||||||||202605011100|||F\r"
                + "OBX|1|NM|tt-0003-01^Creatinine^WinPath||50|UMOLL|49 - 92|H|||F\r";
    }
}
