package org.kmcr.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's shared test data ({@code ../shared/data} beside the repository, as the issues name it): the
 * Simulated Hospital HL7 v2 messages. A run without it fails and says where it looks, never passes silently.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path simHospital() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("The repository root (with mvnw) was not found above "
                    + Path.of("").toAbsolutePath());
        }
        Path data = dir.resolveSibling("shared").resolve("data").resolve("simhospital-hl7v2");
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("The shared test data is missing: expected " + data);
        }
        return data;
    }

    /** The messages of messages.out.hl7: segments end with CR, messages are separated by newlines. */
    public static List<String> simHospitalMessages() {
        String all = read(simHospital().resolve("messages.out.hl7"));
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
        for (String line : read(simHospital().resolve("invalid_messages.yml")).split("\n")) {
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
