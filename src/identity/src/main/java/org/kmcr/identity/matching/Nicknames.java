package org.kmcr.identity.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shipped table of English given names and their nicknames ({@code matching/nicknames.csv}, see its README):
 * two names are nicknames of each other when one is listed as the other's, or both as nicknames of one name.
 */
public final class Nicknames {

    private static final String RESOURCE = "/matching/nicknames.csv";
    private static final Nicknames SHIPPED = load();

    /** Each normalised name with the formal names it is (or is a nickname of). */
    private final Map<String, Set<String>> formal;

    private Nicknames(Map<String, Set<String>> formal) {
        this.formal = formal;
    }

    public static Nicknames shipped() {
        return SHIPPED;
    }

    /** True when the two normalised given names are different names for one formal name. */
    public boolean related(String a, String b) {
        Set<String> left = formal.get(a);
        Set<String> right = formal.get(b);
        if (left == null || right == null) {
            return false;
        }
        for (String name : left) {
            if (right.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static Nicknames load() {
        Map<String, Set<String>> formal = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.readLine(); // header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(",");
                if (parts.length == 3) {
                    String name = Names.name(parts[0]);
                    String nickname = Names.name(parts[2]);
                    formal.computeIfAbsent(name, k -> new HashSet<>()).add(name);
                    formal.computeIfAbsent(nickname, k -> new HashSet<>()).add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Nicknames(Map.copyOf(formal));
    }
}
