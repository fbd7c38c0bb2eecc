package org.kmcr.auditverifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar kmcr-audit-verifier.jar COMMAND ...}: checks what the audit service published, trusting only
 * the public keys given. Exit status 0 when everything verifies, 1 when something does not (each problem printed
 * with where it is), 2 for a wrong command line or an unreadable file.
 *
 * <pre>
 *   checkpoint  CHECKPOINT.json                           --public-key KEY...
 *   inclusion   PROOF.json --checkpoint CHECKPOINT.json   --public-key KEY... [--entry ENTRY.json]
 *   consistency PROOF.json --from OLD.json --to NEW.json  --public-key KEY...
 *   log         EXPORT.ndjson [--checkpoint KEPT.json]... --public-key KEY...
 * </pre>
 */
public final class VerifierCommand {

    static final String USAGE = """
            usage: kmcr-audit-verifier checkpoint  CHECKPOINT.json --public-key KEY...
                   kmcr-audit-verifier inclusion   PROOF.json --checkpoint CHECKPOINT.json --public-key KEY... [--entry ENTRY.json]
                   kmcr-audit-verifier consistency PROOF.json --from OLD.json --to NEW.json --public-key KEY...
                   kmcr-audit-verifier log         EXPORT.ndjson [--checkpoint KEPT.json]... --public-key KEY...
              KEY: the audit service's base64 X.509 Ed25519 public key, obtained out of band (repeat for retired keys)
            """;

    private VerifierCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; answers the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args);
            List<String> problems = switch (arguments.command()) {
                case "checkpoint" -> checkpoint(arguments);
                case "inclusion" -> inclusion(arguments);
                case "consistency" -> consistency(arguments);
                case "log" -> log(arguments, out);
                default -> throw new IllegalArgumentException("unknown command " + arguments.command());
            };
            if (problems.isEmpty()) {
                out.println("VERIFIED");
                return 0;
            }
            out.println("NOT VERIFIED");
            problems.forEach(problem -> out.println("  " + problem));
            return 1;
        } catch (IllegalArgumentException | IOException e) {
            err.println("kmcr-audit-verifier: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    private static List<String> checkpoint(Arguments arguments) throws IOException {
        SignedCheckpoint checkpoint = readCheckpoint(arguments.file());
        return signatureProblems(checkpoint, arguments.keys(), "the checkpoint");
    }

    private static List<String> inclusion(Arguments arguments) throws IOException {
        InclusionProof proof = AuditExport.JSON.readValue(arguments.file().toFile(), InclusionProof.class);
        SignedCheckpoint checkpoint = readCheckpoint(arguments.single("--checkpoint"));
        List<String> problems = new ArrayList<>(signatureProblems(checkpoint, arguments.keys(), "the checkpoint"));
        if (proof.treeSize() != checkpoint.treeSize()) {
            problems.add("the proof is for a log of " + proof.treeSize() + " entries, the checkpoint for "
                    + checkpoint.treeSize());
        } else if (!proof.leadsTo(checkpoint.rootHash())) {
            problems.add("the proof does not lead from entry " + proof.sequence() + " to the signed root: the entry "
                    + "is not in the log the checkpoint signed");
        }
        if (arguments.has("--entry")) {
            ExportedEntry entry = AuditExport.entryFrom(AuditExport.JSON.readTree(arguments.single("--entry").toFile()));
            if (!entry.recomputedHash().equals(proof.entryHash())) {
                problems.add("the entry's fields do not give the hash the proof is for");
            }
        }
        return problems;
    }

    private static List<String> consistency(Arguments arguments) throws IOException {
        ConsistencyProof proof = AuditExport.JSON.readValue(arguments.file().toFile(), ConsistencyProof.class);
        SignedCheckpoint from = readCheckpoint(arguments.single("--from"));
        SignedCheckpoint to = readCheckpoint(arguments.single("--to"));
        List<String> problems = new ArrayList<>(signatureProblems(from, arguments.keys(), "the older checkpoint"));
        problems.addAll(signatureProblems(to, arguments.keys(), "the newer checkpoint"));
        if (proof.fromSize() != from.treeSize() || proof.toSize() != to.treeSize()) {
            problems.add("the proof is from " + proof.fromSize() + " to " + proof.toSize() + " entries, the "
                    + "checkpoints are of " + from.treeSize() + " and " + to.treeSize());
        } else if (!proof.links(from.rootHash(), to.rootHash())) {
            problems.add("the log of " + to.treeSize() + " entries is not an extension of the log of "
                    + from.treeSize() + " signed at " + from.signedAt() + ": entries among the first "
                    + from.treeSize() + " were changed, removed or inserted since");
        }
        return problems;
    }

    private static List<String> log(Arguments arguments, PrintStream out) throws IOException {
        AuditExport export;
        try (BufferedReader lines = Files.newBufferedReader(arguments.file())) {
            export = AuditExport.read(lines);
        }
        List<SignedCheckpoint> kept = new ArrayList<>();
        for (Path file : arguments.all("--checkpoint")) {
            kept.add(readCheckpoint(file));
        }
        ExportVerifier.Report report = ExportVerifier.verify(export, kept, arguments.keys());
        out.println(report.entriesChecked() + " entries and " + report.checkpointsChecked()
                + " checkpoints checked; tree of " + report.treeSize() + " entries, root " + report.rootHash());
        return report.findings().stream().map(Finding::toString).toList();
    }

    private static List<String> signatureProblems(SignedCheckpoint checkpoint, List<PublicKey> keys, String which) {
        if (checkpoint.rootHash() == null) {
            return List.of(which + " has no Merkle root (signed before the tree existed)");
        }
        boolean signed = keys.stream().anyMatch(key -> CheckpointText.verifies(key, checkpoint.text(),
                checkpoint.signature()));
        return signed ? List.of() : List.of(which + " of " + checkpoint.treeSize() + " entries signed at "
                + checkpoint.signedAt() + " does not verify with any trusted key: it was not signed by the audit "
                + "service, or was changed");
    }

    private static SignedCheckpoint readCheckpoint(Path file) throws IOException {
        return AuditExport.JSON.readValue(file.toFile(), SignedCheckpoint.class);
    }
}
