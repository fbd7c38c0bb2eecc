package org.kmcr.ingest.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A plain blocking MLLP sender over a real TCP socket: sends a framed message, reads the framed ACK. */
public final class MllpClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public MllpClient(int port) {
        try {
            socket = new Socket("localhost", port);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String send(String message) {
        return send(message.getBytes(StandardCharsets.UTF_8));
    }

    public String send(String message, Charset charset) {
        return send(message.getBytes(charset));
    }

    public String send(byte[] message) {
        try {
            out.write(0x0B);
            out.write(message);
            out.write(0x1C);
            out.write(0x0D);
            out.flush();
            return readAck();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readAck() throws IOException {
        int b = in.read();
        while (b != 0x0B) {
            if (b < 0) {
                throw new IOException("connection closed before an ACK");
            }
            b = in.read();
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        int previous = -1;
        while ((b = in.read()) >= 0) {
            if (previous == 0x1C && b == 0x0D) {
                byte[] bytes = ack.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            ack.write(b);
            previous = b;
        }
        throw new IOException("connection closed inside an ACK");
    }

    /** MSA-n of an ACK. */
    public static String msa(String ack, int field) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("MSA|")) {
                String[] fields = segment.split("\\|", -1);
                return fields.length > field ? fields[field] : "";
            }
        }
        return null;
    }

    /** ERR-n of an ACK, or null. */
    public static String err(String ack, int field) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("ERR|")) {
                String[] fields = segment.split("\\|", -1);
                return fields.length > field ? fields[field] : "";
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
