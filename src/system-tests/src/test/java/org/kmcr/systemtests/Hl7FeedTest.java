package org.kmcr.systemtests;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.demo.DemoHl7;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;
import org.kmcr.systemtests.stack.Stack;

/** Guide step 10: the demo trust's HL7 v2 admission over the real MLLP port, then read back in the record. */
class Hl7FeedTest {

    @Test
    void anAdmissionSentOverMllpIsAcknowledgedAndTheAdmittingTrustReadsIt() throws IOException {
        String nhsNumber = TestNhsNumbers.next();
        String message = DemoHl7.admission().replace(DemoHl7.NHS_NUMBER, nhsNumber)
                .replace(DemoHl7.LOCAL_ID, "RKM-" + nhsNumber).replace(DemoHl7.VISIT, "V-" + nhsNumber);
        String ack = send(message);
        assertTrue(ack.contains("MSA|AA|DEMO-A01-1"), ack);
        as(ServiceSpec.RECORD, SystemUnderTest.KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body(containsString("Taylor")).body(containsString("Allergy to penicillin"));
    }

    static String send(String message) throws IOException {
        try (Socket socket = new Socket("localhost", Stack.MLLP_PORT)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(0x0B);
            socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(new byte[] {0x1C, 0x0D});
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream ack = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != 0x1C; b = in.read()) {
                ack.write(b);
            }
            return ack.toString(StandardCharsets.UTF_8).replace("\u000b", "");
        }
    }
}
