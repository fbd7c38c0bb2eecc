package org.kmcr.systemtests;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.demo.DemoHl7;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;
import org.kmcr.systemtests.stack.Stack;

/** Guide step 10: the demo trust's HL7 v2 admission over the real MLLP port, then read back in the record. */
class Hl7FeedTest {

    @BeforeAll
    static void theSystemRuns() {
        // the MLLP port is only there once the shared system has started (this class may run first)
        assertTrue(SystemUnderTest.STACK.processes().size() > 1);
    }

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

    @Test
    void severalConnectionsOpenAtOnceAreEachAnsweredInTheirOwnOrder() throws Exception {
        // the listener listens on every event loop: connections open together land on different ones
        int connections = 4;
        List<String> nhsNumbers = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            nhsNumbers.add(TestNhsNumbers.next());
            Socket socket = new Socket("localhost", Stack.MLLP_PORT);
            socket.setSoTimeout(20_000);
            sockets.add(socket);
        }
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        try {
            List<Future<List<String>>> acks = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                acks.add(senders.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        String nhsNumber = nhsNumbers.get(connection);
                        answers.add(exchange(sockets.get(connection), DemoHl7.admission()
                                .replace(DemoHl7.NHS_NUMBER, nhsNumber).replace(DemoHl7.LOCAL_ID, "RKM-" + nhsNumber)
                                .replace(DemoHl7.VISIT, "V-" + nhsNumber)
                                .replace("DEMO-A01-1", "PAR-" + connection + "-" + round)));
                    }
                    return answers;
                }));
            }
            for (int c = 0; c < connections; c++) {
                List<String> answers = acks.get(c).get(60, TimeUnit.SECONDS);
                for (int round = 0; round < 3; round++) {
                    assertTrue(answers.get(round).contains("MSA|AA|PAR-" + c + "-" + round), answers.get(round));
                }
            }
        } finally {
            senders.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        String clinician = SystemUnderTest.KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN);
        for (String nhsNumber : nhsNumbers) {
            as(ServiceSpec.RECORD, clinician).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                    .body(containsString("Taylor"));
        }
    }

    static String send(String message) throws IOException {
        try (Socket socket = new Socket("localhost", Stack.MLLP_PORT)) {
            socket.setSoTimeout(20_000);
            return exchange(socket, message);
        }
    }

    /** Sends one framed message on an open connection and answers its ACK. */
    static String exchange(Socket socket, String message) throws IOException {
        socket.getOutputStream().write(0x0B);
        socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().write(new byte[] {0x1C, 0x0D});
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != 0x1C; b = in.read()) {
            ack.write(b);
        }
        in.read(); // the CR closing the frame
        return ack.toString(StandardCharsets.UTF_8).replace("\u000b", "");
    }
}
