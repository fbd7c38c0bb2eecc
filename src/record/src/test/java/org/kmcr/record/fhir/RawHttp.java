package org.kmcr.record.fhir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 request written byte for byte, for request lines Java's URI refuses to build (an unencoded {@code |}
 * in the query, as many FHIR clients send it).
 */
final class RawHttp {

    record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    static Answer get(String pathAndQuery, String token) {
        return send("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/fhir+json\r\n"
                + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    }

    /** A POST that declares a body of the given size and sends none of it: the server judges it by its size. */
    static Answer postDeclaring(String path, long bytes, String token) {
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/fhir+json\r\n"
                + "Content-Length: " + bytes + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    }

    private static Answer send(String head) {
        int port = io.restassured.RestAssured.port;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String response = bytes.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n") + 4;
            String responseHead = response.substring(0, bodyStart).toLowerCase();
            String body = response.substring(bodyStart);
            if (responseHead.contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(status, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
