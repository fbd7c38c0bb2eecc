package org.kmcr.systemtests.demo;

import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.systemtests.stack.DemoRegion;

/** The HL7 v2 admission the local run's guide sends over MLLP, as the demo trust's PAS would. */
public final class DemoHl7 {

    /** A synthetic person that the demo region does not hold yet (999 test range, valid check digit). */
    public static final String NHS_NUMBER = "999000070" + NhsNumber.checkDigit("999000070");
    public static final String LOCAL_ID = "RKM-DEMO-100";
    public static final String VISIT = "RKM-V-100";

    private DemoHl7() {
    }

    /** ADT^A01 (v2.4, segments ending in CR): admitted to Ward 7, allergic to penicillin. */
    public static String admission() {
        return String.join("\r",
                "MSH|^~\\&|PAS|" + DemoRegion.TRUST + "|KMCR|KMCR|20260501100000||ADT^A01|DEMO-A01-1|P|2.4",
                "EVN|A01|20260501100000",
                "PID|1||" + LOCAL_ID + "^^^" + DemoRegion.TRUST + "^MR~" + NHS_NUMBER + "^^^NHS^NH||Taylor^Sam^^^Mr||"
                        + "19800101|M|||1 Demo Road^^Kingsmere^^KM1 1AA^GBR^H",
                "PD1|||Kingsmere Medical Centre^^" + DemoRegion.GP_PRACTICE + "^^^^^^^" + DemoRegion.GP_PRACTICE,
                String.join("|", "PV1", "1", "I", "Ward 7^Room 2^Bed 4^Kingsmere University Hospitals", "", "", "", "",
                        "", "", "MED", "", "", "", "", "", "", "", "", VISIT),
                "AL1|1|DA|91936005^Allergy to penicillin^SCT|SV|Anaphylaxis") + "\r";
    }
}
