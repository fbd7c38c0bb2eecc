package org.kmcr.systemtests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kmcr.systemtests.stack.ManagedProcess;

/** One process of the stack: how long it took to start, and its resident memory when ready and at the end. */
record ProcessFootprint(String name, double startUpSeconds, long residentMiBWhenReady, long residentMiBAtEnd) {

    private static final Pattern STARTED_IN = Pattern.compile("\\(powered by Quarkus [^)]*\\) started in ([0-9.]+)s");

    /**
     * The start-up time Quarkus itself logs ("started in 12.345s"; Keycloak is a Quarkus application too), which
     * is the process's own figure even though the stack starts the services together and awaits them in turn;
     * the time the stack waited for it when the log has no such line.
     */
    static ProcessFootprint of(ManagedProcess process, long residentMiBWhenReady) {
        return new ProcessFootprint(process.name(), loggedStartUpSeconds(process), residentMiBWhenReady,
                process.residentMemoryMiB());
    }

    private static double loggedStartUpSeconds(ManagedProcess process) {
        try (Stream<String> lines = Files.lines(process.log())) {
            return lines.map(STARTED_IN::matcher).filter(Matcher::find).mapToDouble(m -> Double.parseDouble(m.group(1)))
                    .reduce((first, last) -> last)
                    .orElse(process.startUpTime().toMillis() / 1000.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
