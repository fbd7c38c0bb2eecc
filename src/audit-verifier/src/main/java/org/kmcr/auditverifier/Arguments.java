package org.kmcr.auditverifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The verifier's command line: a command, one file, and options that each take a value (some repeatable). */
record Arguments(String command, Path file, Map<String, List<String>> options) {

    private static final List<String> OPTIONS = List.of("--public-key", "--checkpoint", "--entry", "--from", "--to");

    static Arguments parse(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("a command and a file are needed");
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected " + args[i]);
            }
            options.computeIfAbsent(args[i], name -> new ArrayList<>()).add(args[++i]);
        }
        Path file = Path.of(args[1]);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        return new Arguments(args[0], file, options);
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    Path single(String option) {
        List<String> values = options.getOrDefault(option, List.of());
        if (values.size() != 1) {
            throw new IllegalArgumentException(option + " FILE is needed once");
        }
        return Path.of(values.get(0));
    }

    List<Path> all(String option) {
        return options.getOrDefault(option, List.of()).stream().map(Path::of).toList();
    }

    /** The trusted keys; at least one is needed. */
    List<PublicKey> keys() {
        List<String> keys = options.getOrDefault("--public-key", List.of());
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("--public-key KEY is needed: the verifier trusts nothing else");
        }
        List<PublicKey> parsed = new ArrayList<>();
        for (String key : keys) {
            try {
                parsed.add(CheckpointText.publicKey(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--public-key " + key + " is " + e.getMessage());
            }
        }
        return parsed;
    }
}
