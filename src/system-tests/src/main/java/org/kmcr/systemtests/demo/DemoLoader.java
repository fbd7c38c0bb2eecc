package org.kmcr.systemtests.demo;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.ServiceSpec;
import org.kmcr.systemtests.stack.Stack;

/**
 * Loads demo people into a running stack as the region would: the privacy officer registers the sharing
 * partners, each partner system posts its bundles with its own client-credentials token (the registration
 * authority's, PDS, all first: they register people with their practices), and the privacy officer records the
 * trust's care team (persons 1-5) and the council's social care allocations (persons 2-4).
 */
public final class DemoLoader {

    static final List<Integer> TRUST_CARE_TEAM = List.of(1, 2, 3, 4, 5);
    static final List<Integer> SOCIAL_CARE_ALLOCATIONS = List.of(2, 3, 4);

    private DemoLoader() {
    }

    public static LoadSummary load(Stack stack, Keycloak keycloak, KmcrClient client, List<DemoPerson> people) {
        long started = System.nanoTime();
        String privacyOfficer = keycloak.login(DemoRegion.PRIVACY_OFFICER);
        client.registerPartners(privacyOfficer);

        SenderTokens senders = new SenderTokens(keycloak);
        List<PostedBundle> posted = new ArrayList<>();
        for (DemoPerson.Submission submission : registrationsFirst(people)) {
            posted.add(post(stack, client, senders.forClient(submission.senderClientId()), submission));
        }

        String recordService = keycloak.clientCredentials("kmcr-record");
        relate(client, privacyOfficer, recordService, people, TRUST_CARE_TEAM, DemoRegion.TRUST, "care-team");
        relate(client, privacyOfficer, recordService, people, SOCIAL_CARE_ALLOCATIONS, DemoRegion.SOCIAL_CARE,
                "social-care-allocation");

        int items = posted.stream().mapToInt(PostedBundle::items).sum();
        return new LoadSummary(people.size(), posted.size(), items, (System.nanoTime() - started) / 1e9, posted);
    }

    /** Every person's PDS bundle, then everything else in the order of the people. */
    static List<DemoPerson.Submission> registrationsFirst(List<DemoPerson> people) {
        List<DemoPerson.Submission> ordered = new ArrayList<>();
        people.forEach(person -> person.submissions().stream()
                .filter(submission -> DemoRegion.PDS.equals(submission.senderClientId())).forEach(ordered::add));
        people.forEach(person -> person.submissions().stream()
                .filter(submission -> !DemoRegion.PDS.equals(submission.senderClientId())).forEach(ordered::add));
        return ordered;
    }

    private static PostedBundle post(Stack stack, KmcrClient client, String token, DemoPerson.Submission submission) {
        long sent = System.nanoTime();
        HttpResponse<String> response = client.postBundle(token, submission.bundleJson());
        long answered = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Ingest refused a demo bundle from " + submission.senderClientId() + " ("
                    + response.statusCode() + "): " + response.body() + "\nSee "
                    + stack.service(ServiceSpec.INGEST).log());
        }
        int items = KmcrClient.read(response.body()).path("entry").size();
        return new PostedBundle(sent, answered, items);
    }

    private static void relate(KmcrClient client, String privacyOfficer, String recordService, List<DemoPerson> people,
            List<Integer> indexes, String orgCode, String kind) {
        indexes.stream().filter(index -> index < people.size()).forEach(index -> client.recordRelationship(
                privacyOfficer, client.personId(recordService, people.get(index).nhsNumber()), orgCode, kind));
    }

    /** One bundle accepted by ingest: when it was sent and answered (System.nanoTime) and how many entries it had. */
    public record PostedBundle(long sentNanos, long answeredNanos, int items) {

        public Duration latency() {
            return Duration.ofNanos(answeredNanos - sentNanos);
        }
    }

    /** What a load did; {@code posted} is in the order the bundles were sent, one at a time. */
    public record LoadSummary(int people, int bundles, int items, double seconds, List<PostedBundle> posted) {

        public LoadSummary {
            posted = List.copyOf(posted);
        }

        @Override
        public String toString() {
            return String.format("%d people, %d bundles, %d items in %.1f s", people, bundles, items, seconds);
        }
    }
}
