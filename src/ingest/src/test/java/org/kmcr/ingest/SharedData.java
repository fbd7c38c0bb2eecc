package org.kmcr.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Simulated Hospital HL7 v2 messages (copies of the shared test data {@code simhospital-hl7v2}, kept as test
 * resources with their NOTICE so a clean checkout runs them). A missing file fails the test, never passes it.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The messages of messages.out.hl7: segments end with CR, messages are separated by newlines. */
    public static List<String> simHospitalMessages() {
        String all = read("messages.out.hl7");
        List<String> messages = new ArrayList<>();
        for (String block : all.split("\n")) {
            String message = block.strip();
            if (message.startsWith("MSH")) {
                messages.add(message.endsWith("\r") ? message : message + "\r");
            }
        }
        return messages;
    }

    /** The cases of invalid_messages.yml: name to segments, as written (with their %s placeholders). */
    public static Map<String, List<String>> invalidMessages() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        String current = null;
        for (String line : read("invalid_messages.yml").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                current = line.replace(":", "").trim();
                cases.put(current, new ArrayList<>());
            } else if (line.trim().startsWith("- \"")) {
                String segment = line.trim().substring(3, line.trim().length() - 1).replace("\\\\", "\\");
                cases.get(current).add(segment);
            }
        }
        return cases;
    }

    private static String read(String name) {
        try (InputStream in = SharedData.class.getResourceAsStream("/simhospital-hl7v2/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The test resource simhospital-hl7v2/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
