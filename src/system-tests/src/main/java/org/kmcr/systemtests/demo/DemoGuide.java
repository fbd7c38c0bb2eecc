package org.kmcr.systemtests.demo;

import java.nio.file.Path;
import java.util.List;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.ServiceSpec;
import org.kmcr.systemtests.stack.Stack;

/** What the local run prints once the demo region is loaded: where everything is, who to log in as, what to try. */
public final class DemoGuide {

    private static final String TOKEN_URL = Stack.REALM_URL + "/protocol/openid-connect/token";
    private static final String TAKE_ACCESS_TOKEN = " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'; }";

    private DemoGuide() {
    }

    /**
     * What the printed commands refer to.
     *
     * @param exampleBundle a partner's bundle about a person not yet loaded, sent by {@code exampleSender}
     * @param attackBundle  the trust's PAS naming itself as the citizen's GP
     * @param citizen       the demo citizen's person id
     */
    public record Files(Path exampleBundle, String exampleSender, Path attackBundle, java.util.UUID citizen,
            Path hl7Admission) {
    }

    public static String text(List<DemoPerson> people, DemoLoader.LoadSummary loaded, Files files) {
        StringBuilder out = new StringBuilder();
        appendPortal(out);
        out.append("\nDemo data loaded: ").append(loaded).append("\n\nServices (API, then the management interface: ")
                .append("OpenAPI, health, metrics)\n");
        for (ServiceSpec service : ServiceSpec.ALL) {
            out.append(String.format("  %-9s %s   OpenAPI %s/q/openapi   health %s/q/health%n", service.name(),
                    service.url(), service.managementUrl(), service.managementUrl()));
        }
        out.append("\nKeycloak  http://localhost:").append(Stack.KEYCLOAK_PORT).append("   realm ")
                .append(Stack.REALM_URL).append("\n  admin console http://localhost:").append(Stack.KEYCLOAK_PORT)
                .append("/admin/   user admin, password admin (local only)\n");
        appendLogins(out);
        appendPeople(out, people);
        appendCommands(out, files.exampleBundle(), files.exampleSender());
        appendTrustCommands(out, files);
        appendHl7Commands(out, files.hl7Admission());
        appendSingleViewCommands(out);
        appendFhirCommands(out);
        appendAnalyticsCommands(out);
        appendPortalJourneys(out);
        return out.toString();
    }

    /** First: where people use KMCR, and whom to sign in as. */
    private static void appendPortal(StringBuilder out) {
        out.append("\n==================================================================\n")
                .append("  Open the portal: ").append(ServiceSpec.PORTAL.url()).append("\n")
                .append("  Sign in (password \"").append(Keycloak.DEMO_PASSWORD).append("\") as:\n")
                .append("    gp.clinician        clinician at K81001: find a person, see the summary\n")
                .append("    hospital.clinician  clinician at RKM: no relationship with most people, so break glass\n")
                .append("    social.worker       social worker at KMSC1\n")
                .append("    privacy.officer     reviews break-glass and self-claimed accesses\n")
                .append("    citizen             Mary Jones: her own record and who has looked at it\n")
                .append("    analyst             population analytics: COVID-19 trend, map, hot spots (aggregates only)\n")
                .append("    platform.operator   feed health and dead letters of every source, replay (never a record)\n")
                .append("==================================================================\n");
    }

    private static void appendPortalJourneys(StringBuilder out) {
        out.append("\nIn the portal (").append(ServiceSpec.PORTAL.url()).append("):\n")
                .append("  1. Sign in as gp.clinician, find NHS number ").append(DemoRegion.CITIZEN_NHS_NUMBER)
                .append(" (the citizen): her summary, each item with its source and age.\n")
                .append("  2. Sign out, sign in as hospital.clinician, open the same number: no care relationship;\n")
                .append("     choose a reason, say what happened and break glass: 4 hours' access, reviewed.\n")
                .append("  3. Sign in as privacy.officer: the access waits in Access reviews; record an outcome.\n")
                .append("  4. Sign in as citizen: My record, then Who has looked at my record shows the break glass.\n")
                .append("  5. As citizen, My requests: ask K81001 to correct \"Allergy to penicillin\", and restrict\n")
                .append("     Mental health care from RKM. As gp.clinician, Correction requests: answer it. As\n")
                .append("     privacy.officer, Requests to decide: accept or reject the restriction; Audit search:\n")
                .append("     the citizen's NHS number with basis Break glass, then Download as CSV; Identity\n")
                .append("     reviews: the MPI's possible matches. The citizen's My requests shows both answers.\n")
                .append("  6. Sign in as platform.operator: Feed health lists every source (last message, accepted,\n")
                .append("     rejected, dead letters) and each dead letter waiting (a bad HL7 message you sent above):\n")
                .append("     where and when it came from and its problem's status and title, never the message.\n")
                .append("     Replay processes it again as its sender's (audited); fixed, it moves to Replayed.\n");
    }

    private static void appendLogins(StringBuilder out) {
        out.append("\nDemo logins: password \"").append(Keycloak.DEMO_PASSWORD)
                .append("\" for every user (demo only, never in production)\n");
        out.append("  | user               | role            | organisation                       | can see |\n");
        out.append("  |--------------------|-----------------|------------------------------------|---------|\n");
        login(out, DemoRegion.GP_CLINICIAN, "clinician", "K81001 Kingsmere Medical Centre",
                "everyone registered at K81001 (demographics, allergies, medications, conditions)");
        login(out, DemoRegion.HOSPITAL_CLINICIAN, "clinician", "RKM Kingsmere University Hospitals",
                "people 1-5 (care team); anyone else only by breaking glass, reviewed");
        login(out, DemoRegion.SOCIAL_WORKER, "social-worker", "KMSC1 Kingsmere Council ASC",
                "people 2-4 (allocations): demographics, allergies, conditions; no medications");
        login(out, DemoRegion.OUTSIDER_CLINICIAN, "clinician", "Y09999 (not a sharing partner)",
                "nothing, not even by breaking glass");
        login(out, DemoRegion.PRIVACY_OFFICER, "privacy-officer", "QKM Kingsmere ICB",
                "no records; partners, relationships, reviews, link reviews, objections and restrictions, "
                        + "the opt-out list, the audit log and its checkpoints");
        login(out, DemoRegion.ANALYST, "analyst", "QKM Kingsmere ICB",
                "population analytics: aggregates only, opt-outs left out");
        login(out, DemoRegion.PLATFORM_OPERATOR, "platform-operator", "QKM Kingsmere ICB",
                "no records; every source's feed health, dead letters without their messages, replay");
        login(out, DemoRegion.CITIZEN, "patient", "Mary Jones, " + DemoRegion.CITIZEN_NHS_NUMBER,
                "her own record and who accessed it");
    }

    private static void login(StringBuilder out, String user, String role, String organisation, String canSee) {
        out.append(String.format("  | %-18s | %-15s | %-34s | %s |%n", user, role, organisation, canSee));
    }

    private static void appendPeople(StringBuilder out, List<DemoPerson> people) {
        out.append("\nDemo people (synthetic; ").append(people.size()).append(" loaded, the first six here)\n");
        for (int index = 0; index < Math.min(6, people.size()); index++) {
            DemoPerson person = people.get(index);
            out.append(String.format("  %d  %s  %-22s GP %s  %d bundle(s)%s%n", index, person.nhsNumber(),
                    person.name(), person.gpPractice(), person.submissions().size(), relationships(index)));
        }
    }

    private static String relationships(int index) {
        String relationships = (DemoLoader.TRUST_CARE_TEAM.contains(index) ? "  RKM care team" : "")
                + (DemoLoader.SOCIAL_CARE_ALLOCATIONS.contains(index) ? "  KMSC1 allocation" : "");
        return index == 0 ? "  the demo citizen" : relationships;
    }

    private static void appendCommands(StringBuilder out, Path exampleBundle, String exampleSender) {
        String citizen = DemoRegion.CITIZEN_NHS_NUMBER;
        String record = ServiceSpec.RECORD.url();
        String consent = ServiceSpec.CONSENT.url();
        out.append("\nTry it (bash or zsh, curl only). First paste these two helpers, which print an access token:\n")
                .append("  kmcr_token() { curl -s -d grant_type=password -d client_id=kmcr-cli -d username=\"$1\" ")
                .append("-d password=").append(Keycloak.DEMO_PASSWORD).append(' ').append(TOKEN_URL)
                .append(TAKE_ACCESS_TOKEN).append('\n')
                .append("  partner_token() { curl -s -d grant_type=client_credentials -d client_id=\"$1\" ")
                .append("-d client_secret=\"$1-demo-secret\" ").append(TOKEN_URL).append(TAKE_ACCESS_TOKEN)
                .append("\n\n1. A partner system posts a FHIR bundle about a new (synthetic) person:\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(partner_token ").append(exampleSender)
                .append(")\" -H 'Content-Type: application/fhir+json' --data-binary @").append(exampleBundle)
                .append(' ').append(ServiceSpec.INGEST.url()).append("/fhir/r4\n")
                .append("\n2. The GP reads the citizen's summary (consent decides, audit records it):\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token gp.clinician)\" ").append(record)
                .append("/api/records/").append(citizen).append("/summary\n")
                .append("   and the same as a FHIR Bundle (the | of the identifier written %7C):\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token gp.clinician)\" '").append(record)
                .append("/fhir/r4/Patient/$summary?identifier=https://fhir.nhs.uk/Id/nhs-number%7C").append(citizen)
                .append("'\n")
                .append("\n3. The hospital clinician has no relationship with her, so is refused (403) ...\n")
                .append("  curl -s -w '\\nHTTP %{http_code}\\n' -H \"Authorization: Bearer $(kmcr_token ")
                .append("hospital.clinician)\" ").append(record).append("/api/records/").append(citizen)
                .append("/summary\n")
                .append("   ... and breaks glass with a reason (a privacy officer will review it):\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(kmcr_token hospital.clinician)\" ")
                .append("-H 'Content-Type: application/json' ")
                .append("-d '{\"reason\":\"vital-interests\",\"text\":\"Admitted unconscious to ED, need allergies and medications\"}' ")
                .append(record).append("/api/records/").append(citizen).append("/break-glass\n")
                .append("\n4. The citizen sees who accessed her record, in plain words (add ?withProofs=true for an ")
                .append("inclusion proof of each entry in the signed log):\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token citizen)\" ")
                .append(ServiceSpec.AUDIT.url()).append("/api/me/record-accesses\n")
                .append("\n5. The privacy officer sees the break-glass review queue and checks the audit chain:\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token privacy.officer)\" ")
                .append(consent).append("/api/break-glass-reviews\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token privacy.officer)\" ")
                .append(ServiceSpec.AUDIT.url()).append("/api/audit-verification\n")
                .append("\n6. The citizen asks to object to sharing; the request waits for the privacy officer:\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(kmcr_token citizen)\" ")
                .append("-H 'Content-Type: application/json' ")
                .append("-d '{\"kind\":\"objection\",\"reason\":\"I do not want my record shared\"}' ")
                .append(consent).append("/api/me/consent-directives\n")
                .append("   The privacy officer lists the queue and accepts it (paste the id), saying whom to contact:\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token privacy.officer)\" '").append(consent)
                .append("/api/consent-directives?status=requested'\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(kmcr_token privacy.officer)\" ")
                .append("-H 'Content-Type: application/json' -d '{\"outcome\":\"accept\",\"contact\":")
                .append("\"Kingsmere privacy office, 01632 960000\"}' ").append(consent)
                .append("/api/consent-directives/<id>/decision\n")
                .append("   From the next request the GP sees only that an objection exists and whom to contact (403);\n")
                .append("   step 2 shows it. Withdraw it again with\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(kmcr_token privacy.officer)\" ")
                .append("-H 'Content-Type: application/json' -d '{\"note\":\"Demo over\"}' ").append(consent)
                .append("/api/consent-directives/<id>/withdrawal\n")
                .append("\nResponses are JSON on one line; add  | python3 -m json.tool  to read them.\n");
    }

    /** The trust model: who may assert what, self-claims, what a privacy officer sees, signed checkpoints. */
    private static void appendTrustCommands(StringBuilder out, Files files) {
        String citizen = DemoRegion.CITIZEN_NHS_NUMBER;
        String record = ServiceSpec.RECORD.url();
        String consent = ServiceSpec.CONSENT.url();
        String officer = "  curl -s -H \"Authorization: Bearer $(kmcr_token privacy.officer)\" ";
        out.append("\n7. The trust's PAS names itself as her GP. Ingest stores the record, but only her practice (or ")
                .append("PDS) may register her,\n   so consent keeps the claim as unverified and the hospital clinician ")
                .append("is still refused (403):\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(partner_token ").append(DemoRegion.TRUST_PAS)
                .append(")\" -H 'Content-Type: application/fhir+json' --data-binary @").append(files.attackBundle())
                .append(' ').append(ServiceSpec.INGEST.url()).append("/fhir/r4\n")
                .append("  curl -s -w '\\nHTTP %{http_code}\\n' -H \"Authorization: Bearer $(kmcr_token ")
                .append("hospital.clinician)\" ").append(record).append("/api/records/").append(citizen)
                .append("/summary\n")
                .append("\n8. The social worker self-claims a relationship with her (30 days; every access is reviewed):\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(kmcr_token social.worker)\" ")
                .append("-H 'Content-Type: application/json' ")
                .append("-d '{\"reason\":\"Referred to us today by the hospital discharge team\"}' ")
                .append(record).append("/api/records/").append(citizen).append("/self-claim\n")
                .append("\n9. The privacy officer sees who asserted each of her relationships, the claims kept as ")
                .append("unverified, and the MPI's link reviews:\n")
                .append(officer).append(consent).append("/api/relationships?personId=").append(files.citizen())
                .append('\n').append(officer).append(consent).append("/api/relationships/unverified?personId=")
                .append(files.citizen()).append('\n').append(officer).append(ServiceSpec.IDENTITY.url())
                .append("/api/link-reviews?status=open\n")
                .append("\n10. ... and takes a signed checkpoint of the audit log, against which verification detects ")
                .append("deleted or rewritten entries:\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(kmcr_token privacy.officer)\" ")
                .append(ServiceSpec.AUDIT.url()).append("/api/audit-checkpoints\n")
                .append("\n11. The GP finds her without her NHS number, despite a typo in her name (ranked, with the ")
                .append("reasons; audited):\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token gp.clinician)\" '")
                .append(ServiceSpec.IDENTITY.url())
                .append("/api/person-search?family=Jomes&given=Mary&birthDate=1950-03-14'\n")
                .append("\n12. The privacy officer searches the log (by person, user, organisation, time, action, basis, outcome; the ")
                .append("total in X-Total-Count), as CSV or FHIR BALP AuditEvents, and reviews pattern alerts:\n")
                .append(officer).append("'").append(ServiceSpec.AUDIT.url())
                .append("/api/audit-events?basis=break-glass&size=20' -D - | grep -i x-total-count\n")
                .append(officer).append("'").append(ServiceSpec.AUDIT.url())
                .append("/api/audit-events/fhir?nhsNumber=").append(citizen).append("'\n")
                .append(officer).append(ServiceSpec.AUDIT.url()).append("/api/pattern-alerts\n")
                .append("\n13. ... and checks the whole log without trusting the service, with the stand-alone ")
                .append("verifier (src/audit-verifier/target):\n")
                .append(officer).append(ServiceSpec.AUDIT.url()).append("/api/audit-export > audit.ndjson\n")
                .append("  java -jar src/audit-verifier/target/kmcr-audit-verifier.jar log audit.ndjson ")
                .append("--public-key $AUDIT_PUBLIC_KEY   # the key from the operator, out of band\n");
    }

    /** The trust's HL7 v2 feed: an admission over MLLP (bash's /dev/tcp, no other tool), then read back. */
    private static void appendHl7Commands(StringBuilder out, Path admission) {
        out.append("\n14. The trust's PAS sends an HL7 v2 admission (ADT^A01) over MLLP to port ").append(Stack.MLLP_PORT)
                .append(" (bound to RKM's PAS,\n    whatever MSH-4 says); the ACK (MSA|AA) comes back once it is ")
                .append("stored:\n")
                .append("  exec 3<>/dev/tcp/localhost/").append(Stack.MLLP_PORT).append("; { printf '\\013'; cat ")
                .append(admission).append("; printf '\\034\\r'; } >&3; timeout 3 cat <&3 | tr '\\r\\013\\034' ")
                .append("'\\n  '; exec 3<&-\n")
                .append("   The admission makes RKM one of Sam Taylor's carers, so the hospital clinician reads ")
                .append("his summary (demographics and the allergy from AL1):\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token hospital.clinician)\" ")
                .append(ServiceSpec.RECORD.url()).append("/api/records/").append(DemoHl7.NHS_NUMBER)
                .append("/summary\n")
                .append("   The same message is taken over REST (POST ").append(ServiceSpec.INGEST.url())
                .append("/api/hl7v2/messages with a partner token); a bad one gets MSA|AE or MSA|AR and waits in ")
                .append("/api/dead-letters.\n");
    }

    /**
     * The single view: Sam Taylor's GP sends his record by FHIR; the GP then reads one summary in which the
     * allergy reported by both the trust (HL7 v2, step 14) and the GP is one item with two sources, the trust's
     * penicillin allergy conflicts with the GP's amoxicillin, and each source's freshness shows; then the timeline.
     */
    private static void appendSingleViewCommands(StringBuilder out) {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + "{\"fullUrl\":\"Patient/gp-sam\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"gp-sam\","
                + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\""
                + DemoHl7.NHS_NUMBER + "\"}],\"name\":[{\"family\":\"Taylor\",\"given\":[\"Sam\"]}],"
                + "\"gender\":\"male\",\"birthDate\":\"1980-01-01\",\"generalPractitioner\":[{\"identifier\":"
                + "{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\""
                + DemoRegion.GP_PRACTICE + "\"}}]},\"request\":{\"method\":\"PUT\",\"url\":\"Patient/gp-sam\"}},"
                + "{\"fullUrl\":\"AllergyIntolerance/gp-sam-a1\",\"resource\":{\"resourceType\":"
                + "\"AllergyIntolerance\",\"id\":\"gp-sam-a1\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://snomed.info/sct\",\"code\":\"91936005\",\"display\":\"Allergy to penicillin\"}]},"
                + "\"patient\":{\"reference\":\"Patient/gp-sam\"}},\"request\":{\"method\":\"PUT\",\"url\":"
                + "\"AllergyIntolerance/gp-sam-a1\"}},"
                + "{\"fullUrl\":\"MedicationStatement/gp-sam-m1\",\"resource\":{\"resourceType\":"
                + "\"MedicationStatement\",\"id\":\"gp-sam-m1\",\"status\":\"active\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":"
                + "\"323509004\",\"display\":\"Amoxicillin 500mg capsules\"}]},\"subject\":{\"reference\":"
                + "\"Patient/gp-sam\"}},\"request\":{\"method\":\"PUT\",\"url\":\"MedicationStatement/gp-sam-m1\"}}"
                + "]}";
        String record = ServiceSpec.RECORD.url() + "/api/records/" + DemoHl7.NHS_NUMBER;
        out.append("\n15. Sam Taylor's GP system sends his allergy and a current amoxicillin by FHIR (after step 14):\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(partner_token ").append(DemoRegion.GP_SYSTEM)
                .append(")\" -H 'Content-Type: application/fhir+json' -d '").append(bundle).append("' ")
                .append(ServiceSpec.INGEST.url()).append("/fhir/r4\n")
                .append("   The GP reads one view: the penicillin allergy from the trust (HL7 v2) and the GP is one ")
                .append("item with both in\n   categories.allergies[0].sources; conflicts[] has allergy-vs-medication ")
                .append("(penicillin vs amoxicillin); sources[] says\n   when each feed last sent something and ")
                .append("whether it is stale (over 3 days):\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token gp.clinician)\" ").append(record)
                .append("/summary\n")
                .append("\n16. The timeline, most recent first, a page at a time (pass nextCursor back as cursor), ")
                .append("filtered by type\n    (ae-attendance, admission, outpatient, community, mental-health, ")
                .append("social-care) and organisation:\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token hospital.clinician)\" '").append(record)
                .append("/timeline?limit=20'\n")
                .append("  curl -s -H \"Authorization: Bearer $(kmcr_token hospital.clinician)\" '").append(record)
                .append("/timeline?type=admission&organisation=").append(DemoRegion.TRUST).append("'\n");
    }

    /** The FHIR R4 API of record-query: what it serves, a search with paging, a read, and $everything. */
    private static void appendFhirCommands(StringBuilder out) {
        String fhir = ServiceSpec.RECORD.url() + "/fhir/r4";
        String gp = "  curl -s -H \"Authorization: Bearer $(kmcr_token gp.clinician)\" ";
        out.append("\n17. A partner system reads the record through FHIR R4 (UK Core). What is served:\n")
                .append(gp).append(fhir).append("/metadata | jq '.rest[0].resource[] | {type, profile}'\n")
                .append("   Her conditions, two a page, recent first (total counts only what the GP may see; ")
                .append("follow link[] next):\n")
                .append(gp).append("'").append(fhir).append("/Condition?patient=").append(DemoRegion.CITIZEN_NHS_NUMBER)
                .append("&_count=2' | jq '{total, link, ids: [.entry[].resource.id]}'\n")
                .append("   Her Patient by NHS number (the | may stay unencoded), and one resource by its id:\n")
                .append(gp).append("'").append(fhir).append("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|")
                .append(DemoRegion.CITIZEN_NHS_NUMBER).append("' | jq '.entry[0].resource.id'\n")
                .append(gp).append(fhir).append("/Patient/<id from above>\n")
                .append("   Everything since 2024, by care date (HAPI ignores start/end and _since here; KMCR ")
                .append("applies them):\n")
                .append(gp).append("'").append(fhir).append("/Patient/").append(DemoRegion.CITIZEN_NHS_NUMBER)
                .append("/$everything?start=2024-01-01&_count=20' | jq '{total, types: [.entry[].resource.resourceType]}'\n")
                .append("   Unknown parameters are refused under Prefer: handling=strict (an OperationOutcome):\n")
                .append(gp).append("-H 'Prefer: handling=strict' '").append(fhir).append("/Condition?patient=")
                .append(DemoRegion.CITIZEN_NHS_NUMBER).append("&onset=2024'\n");
        out.append("\n18. The audit service checks its own Merkle tree against its newest signed checkpoint (every ")
                .append("5 minutes, and now); the result is its integrity health check. Consent directives, identity ")
                .append("decisions and ingest writes reach the log through each service's audit outbox, also while ")
                .append("audit is down:\n")
                .append("  curl -s -X POST -H \"Authorization: Bearer $(kmcr_token privacy.officer)\" ")
                .append(ServiceSpec.AUDIT.url()).append("/api/audit-verification/tree-check\n")
                .append("  curl -s ").append(ServiceSpec.AUDIT.managementUrl()).append("/q/health/group/integrity\n");
    }

    /** Population analytics (issue 13): the analyst's aggregates, in the portal and by the API, as JSON or CSV. */
    private static void appendAnalyticsCommands(StringBuilder out) {
        String measures = ServiceSpec.RECORD.url() + "/api/analytics/measures";
        String analyst = "  curl -s -H \"Authorization: Bearer $(kmcr_token " + DemoRegion.ANALYST + ")\" ";
        out.append("\n19. Population analytics, for analysts only (sign in to ").append(ServiceSpec.PORTAL.url())
                .append("/analytics as ").append(DemoRegion.ANALYST).append("): people tested and positive for ")
                .append("COVID-19 by week, district,\n   age band, sex and ethnic group, and the hot spots; counts of ")
                .append("1-7 show as *, others are rounded to 5; opt-outs are left out; each query is audited.\n")
                .append(analyst).append(measures).append(" | jq '.[] | {code, available}'\n")
                .append(analyst).append("'").append(measures).append("/covid-positive?by=district' | jq '{from, to, ")
                .append("cells, total}'\n")
                .append(analyst).append("-H 'Accept: text/csv' '").append(measures).append("/covid-tested?by=age-band'\n")
                .append(analyst).append("'").append(measures).append("/covid-positive/hot-spots' | jq '.districts[:3]'\n")
                .append("   Current measures count who is in hospital or in a care home now (people with care packages ")
                .append("too, once the IG lead grants analysts social-care):\n")
                .append(analyst).append("'").append(measures).append("/inpatients?by=site' | jq '{cells, total}'\n")
                .append(analyst).append("'").append(measures).append("/care-home-residents?by=district' | jq '{cells, ")
                .append("total}'\n");
    }
}
