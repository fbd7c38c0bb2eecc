package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ManagedProcess;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * The portal's journeys in a real browser (Chromium), against the whole system: a real Keycloak login through its
 * own form, the real services and database. Every page is screenshotted and checked with axe-core.
 */
class PortalJourneyTest {

    static {
        // the shared stack (with the portal) and the demo region's sharing partners
        SystemUnderTest.STACK.getClass();
    }

    /** A person of their own for one test: a unique family name, registered at the demo GP practice. */
    static String newPerson(String nhsNumber, String family) {
        String bundle = SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE)
                .replace("\"family\": \"Jones\"", "\"family\": \"" + family + "\"");
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, bundle);
        return nhsNumber;
    }

    static String uniqueFamily() {
        StringBuilder name = new StringBuilder("Portal");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 6).toCharArray()) {
            name.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return name.toString();
    }

    static String spaced(String nhsNumber) {
        return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
    }

    @Test
    void aGpFindsAPersonByNhsNumberOrByNameAndSeesTheirSummaryThenSignsOut() {
        String family = uniqueFamily();
        String nhsNumber = newPerson(TestNhsNumbers.next(), family);
        try (Browser gp = Browser.start()) {
            gp.open("/").checkPage("start-page");
            gp.signIn(DemoRegion.GP_CLINICIAN).awaitHeading("Find a person");
            assertTrue(gp.url().endsWith("/find"), gp.url());
            assertEquals("Asha Patel", gp.text("#signed-in-user"));
            gp.checkPage("find-a-person");

            // the check digit is checked as typed (the page's script), then again by the server
            String wrongCheckDigit = nhsNumber.substring(0, 9) + ((nhsNumber.charAt(9) - '0' + 1) % 10);
            gp.type("#nhs-number", wrongCheckDigit);
            assertTrue(gp.text("#nhs-number-live").contains("not valid"), gp.text("#nhs-number-live"));
            gp.click("#find-by-nhs-number").awaitHeading("Find a person");
            assertTrue(gp.text(".nhsuk-error-summary").contains("Modulus 11"), gp.text(".nhsuk-error-summary"));
            gp.checkPage("find-a-person-error");

            gp.type("#nhs-number", spaced(nhsNumber)).click("#find-by-nhs-number").awaitHeading(family);
            assertEquals(spaced(nhsNumber), gp.text("#nhs-number"));
            String allergies = gp.text("#card-allergies");
            assertTrue(allergies.contains("Allergy to penicillin"), allergies);
            assertTrue(allergies.contains("From Kingsmere Medical Centre (K81001)"), allergies);
            assertTrue(gp.text("#card-medications").contains("Ramipril 5mg capsules"));
            assertTrue(gp.text("#card-conditions").contains("Hypertensive disorder"));
            assertTrue(gp.text("#access-basis").contains("gp-registration"), gp.text("#access-basis"));
            gp.checkPage("record-summary");

            gp.open("/find").type("#family", family).type("#birth-date", "1950-03-14").type("#given", "Mary")
                    .click("#find-by-demographics").awaitHeading("Search results");
            String candidates = gp.text("#candidates");
            assertTrue(candidates.contains(family), candidates);
            assertFalse(gp.all("#candidates a[href='/records/" + nhsNumber + "']").isEmpty(), candidates);
            gp.checkPage("search-results");

            gp.click("#sign-out").awaitHeading("You have signed out");
            gp.checkPage("signed-out");
            // the Keycloak session ended too: the next page asks for the password again
            gp.open("/find").find("#username");
        }
    }

    @Test
    void aClinicianWithoutARelationshipBreaksGlassAndAPrivacyOfficerReviewsTheAccess() {
        String nhsNumber = newPerson(TestNhsNumbers.next(), uniqueFamily());
        String text = "Collapsed in the emergency department " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser hospital = Browser.start()) {
            hospital.signIn(DemoRegion.HOSPITAL_CLINICIAN).open("/records/" + nhsNumber)
                    .awaitHeading("You have no care relationship");
            assertTrue(hospital.text("#refusal-reason").length() > 10);
            hospital.checkPage("no-relationship");

            hospital.type("#break-glass-text", text).click("#break-glass").awaitHeading("no care relationship");
            assertTrue(hospital.text(".nhsuk-error-summary").contains("Choose the reason"));
            hospital.checkPage("break-glass-error");

            hospital.click("#reason-emergency-care").type("#break-glass-text", text).click("#break-glass")
                    .awaitHeading("Record summary");
            assertTrue(hospital.text("#time-limited-access").contains("4 hours"));
            assertTrue(hospital.text("#card-allergies").contains("Allergy to penicillin"));
            hospital.checkPage("break-glass-summary");
        }
        try (Browser officer = Browser.start()) {
            officer.signIn(DemoRegion.PRIVACY_OFFICER).awaitHeading("Access reviews");
            String card = officer.all(".nhsuk-card").stream().filter(c -> c.getText().contains(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("the break glass is not in the queue"))
                    .getAttribute("id");
            assertTrue(officer.text("#" + card).contains("Tom Reed"));
            officer.checkPage("access-reviews");
            String id = card.substring("review-".length());
            officer.click("#appropriate-" + id).type("#note-" + id, "Confirmed with the ED consultant")
                    .click("#" + card + " button").awaitHeading("Access reviews");
            assertTrue(officer.all("#" + card).isEmpty(), "the review left the queue");
            assertTrue(officer.text("#closed-reviews").contains("Confirmed with the ED consultant"));
            officer.checkPage("access-reviews-closed");

            // the audit search finds the break glass by the person's NHS number, and exports it as CSV
            officer.open("/privacy/audit").awaitHeading("Audit search");
            officer.type("#audit-nhs-number", "123 456 7890").click("#search-audit").awaitHeading("Audit search");
            assertTrue(officer.text(".nhsuk-error-summary").contains("valid 10-digit NHS number"));
            officer.checkPage("audit-search-error");
            officer.type("#audit-nhs-number", spaced(nhsNumber)).click("#audit-basis option[value='break-glass']")
                    .click("#search-audit").awaitHeading("Audit search");
            assertTrue(officer.text("#audit-total").matches("[1-9]\\d* matching entr(y|ies)"),
                    officer.text("#audit-total"));
            String entries = officer.text("#audit-entries");
            assertTrue(entries.contains("Tom Reed") && entries.contains("Break glass") && entries.contains(text),
                    entries);
            officer.checkPage("audit-search");
            String csvLink = officer.find("#audit-csv").getAttribute("href");
            try {
                HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvLink))
                        .header("Cookie", officer.cookieHeader()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, csv.statusCode(), csv.body());
                assertTrue(csv.headers().firstValue("content-disposition").orElse("").contains("attachment"));
                assertTrue(csv.body().contains(nhsNumber) && csv.body().contains("break-glass"), csv.body());
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError("the CSV export did not answer", e);
            }

            officer.open("/feeds").awaitHeading("Feed health");
            assertTrue(officer.text("#feeds").contains("Kingsmere Medical Centre (K81001)"), officer.text("#feeds"));
            // the privacy officer watches the feeds; dead letters and their replay are the platform operator's
            assertTrue(officer.all("#dead-letters").isEmpty(), "no dead letters for the privacy officer");
            officer.checkPage("feed-health");
        }
    }

    @Test
    void theCitizenSeesTheirRecordAndABreakGlassAccessToItInTheirLog() {
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM,
                SystemUnderTest.summaryBundle(DemoRegion.CITIZEN_NHS_NUMBER, DemoRegion.GP_PRACTICE));
        String text = "Safeguarding referral out of hours " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser socialWorker = Browser.start()) {
            socialWorker.signIn(DemoRegion.SOCIAL_WORKER).open("/records/" + DemoRegion.CITIZEN_NHS_NUMBER)
                    .awaitHeading("You have no care relationship");
            socialWorker.click("#reason-safeguarding-concern").type("#break-glass-text", text).click("#break-glass")
                    .awaitHeading("Record summary");
        }
        try (Browser citizen = Browser.start()) {
            citizen.signIn(DemoRegion.CITIZEN).awaitHeading("Your record");
            assertTrue(citizen.text("#card-medications").contains("Ramipril 5mg capsules"));
            assertTrue(citizen.text("#card-medications").contains("Medicines you take"));
            citizen.checkPage("my-record");

            citizen.open("/my-record/accesses").awaitHeading("Who has looked at your record");
            String row = citizen.all("#accesses tbody tr").stream().map(r -> r.getText())
                    .filter(r -> r.contains(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("the break glass is not in the citizen's log"));
            assertTrue(row.contains("Sam Jones"), row);
            assertTrue(row.contains("Break glass"), row);
            assertTrue(row.contains("KMSC1"), row);
            citizen.checkPage("who-has-looked");
        }
    }

    @Test
    void aCitizenAsksForACorrectionAndARestrictionAndSeesTheSourceOrganisationsAndThePrivacyOfficersAnswers() {
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM,
                SystemUnderTest.summaryBundle(DemoRegion.CITIZEN_NHS_NUMBER, DemoRegion.GP_PRACTICE));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String item = "Allergy to penicillin " + tag;
        String restrictionReason = "My neighbour works at the hospital " + tag;
        try (Browser citizen = Browser.start()) {
            citizen.signIn(DemoRegion.CITIZEN).awaitHeading("Your record");
            // each entry of the citizen's record links to the correction form, prefilled with its source and name
            citizen.click("#card-allergies .kmcr-correction-link").awaitHeading("Your requests about your record");
            assertEquals(DemoRegion.GP_PRACTICE, citizen.find("#correction-organisation").getAttribute("value"));
            assertEquals("Allergy to penicillin", citizen.find("#correction-item").getAttribute("value"));
            citizen.open("/my-record/requests").awaitHeading("Your requests about your record");
            citizen.checkPage("my-requests");

            citizen.click("#ask-correction").awaitHeading("Your requests about your record");
            String problems = citizen.text(".nhsuk-error-summary");
            assertTrue(problems.contains("Say which entry is wrong") && problems.contains("one organisation"),
                    problems);
            citizen.checkPage("my-requests-error");

            citizen.type("#correction-organisation", DemoRegion.GP_PRACTICE).type("#correction-item", item)
                    .type("#correction-text", "I have never been allergic to penicillin").click("#ask-correction")
                    .awaitHeading("Your requests about your record");
            assertTrue(row(citizen, item).contains("Sent to the organisation"), row(citizen, item));

            citizen.click("#category-mental-health").type("#restriction-organisations", DemoRegion.TRUST)
                    .type("#restriction-reason", restrictionReason).click("#ask-restriction")
                    .awaitHeading("Your requests about your record");
            String restriction = row(citizen, restrictionReason);
            assertTrue(restriction.contains("Mental health care") && restriction.contains(DemoRegion.TRUST)
                    && restriction.contains("Waiting for a privacy officer's review"), restriction);
        }
        try (Browser gp = Browser.start()) {
            // routed to the organisation that recorded the entry: the GP practice's staff answer it
            gp.signIn(DemoRegion.GP_CLINICIAN).open("/corrections").awaitHeading("Correction requests");
            String card = card(gp, item);
            assertTrue(gp.text("#" + card).contains(DemoRegion.CITIZEN_NHS_NUMBER), gp.text("#" + card));
            gp.checkPage("correction-requests");
            String id = card.substring("correction-".length());
            gp.click("#declined-" + id).type("#answer-" + id, "Recorded after a reaction in 2019 " + tag)
                    .click("#" + card + " button").awaitHeading("Correction requests");
            assertTrue(gp.all("#" + card).isEmpty(), "the request left the queue");
            assertTrue(gp.text("#answered-corrections").contains("reaction in 2019 " + tag));
        }
        try (Browser hospital = Browser.start()) {
            // another organisation's staff do not see it
            hospital.signIn(DemoRegion.HOSPITAL_CLINICIAN).open("/corrections").awaitHeading("Correction requests");
            assertFalse(hospital.text("main").contains(item), "routed to the GP practice only");
        }
        try (Browser officer = Browser.start()) {
            officer.signIn(DemoRegion.PRIVACY_OFFICER).open("/privacy/requests")
                    .awaitHeading("Objections and restrictions to decide");
            String card = card(officer, restrictionReason);
            officer.checkPage("requests-to-decide");
            String id = card.substring("directive-".length());
            officer.click("#" + card + " button").awaitHeading("Objections and restrictions to decide");
            assertTrue(officer.text(".nhsuk-error-summary").contains("Choose accept or reject"));
            officer.click("#reject-" + id).type("#note-" + id, "Mental health records are not shared with the trust")
                    .click("#" + card + " button").awaitHeading("Objections and restrictions to decide");
            assertTrue(officer.all("#" + card).isEmpty(), "the request left the queue");
        }
        try (Browser citizen = Browser.start()) {
            citizen.signIn(DemoRegion.CITIZEN).open("/my-record/requests")
                    .awaitHeading("Your requests about your record");
            String correction = row(citizen, item);
            assertTrue(correction.contains("Not changed by the organisation")
                    && correction.contains("reaction in 2019 " + tag), correction);
            assertTrue(row(citizen, restrictionReason).contains("Not accepted"), row(citizen, restrictionReason));
            citizen.checkPage("my-requests-answered");
        }
    }

    @Test
    void aPrivacyOfficerRejectsALinkWhoseDetailsContradictThePersonsInTheMpiReviewQueue() {
        String nhsNumber = newPerson(TestNhsNumbers.next(), uniqueFamily());
        String someoneElse = uniqueFamily();
        String patientId = SystemUnderTest.newPatientId();
        SystemUnderTest.ingest(DemoRegion.TRUST_PAS, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.TRUST, patientId)
                .replace("\"family\": \"Jones\", \"given\": [\"Mary\", \"Ann\"]",
                        "\"family\": \"" + someoneElse + "\", \"given\": [\"Daniel\"]")
                .replace("\"birthDate\": \"1950-03-14\"", "\"birthDate\": \"1988-11-02\""));
        try (Browser officer = Browser.start()) {
            officer.signIn(DemoRegion.PRIVACY_OFFICER).open("/privacy/identity-reviews")
                    .awaitHeading("Identity reviews");
            String card = card(officer, someoneElse.toUpperCase(java.util.Locale.ROOT));
            String task = officer.text("#" + card);
            assertTrue(task.contains("born 1988-11-02") && task.contains(spaced(nhsNumber)) && task.contains(patientId),
                    task);
            officer.checkPage("identity-reviews");
            String id = card.substring("identity-review-".length());
            officer.click("#reject-" + id).type("#identity-note-" + id, "Another person under a mistyped NHS number")
                    .click("#" + card + " button").awaitHeading("Identity reviews");
            assertTrue(officer.all("#" + card).isEmpty(), "the review left the queue");
            assertTrue(officer.text("#closed-identity-reviews").contains("Another person under a mistyped NHS number"));
        }
    }

    @Test
    void aGpSeesARepeatedTestsValuesAgainstItsReferenceRangeAsATrendChartAndATable() {
        String nhsNumber = TestNhsNumbers.next();
        String patientId = SystemUnderTest.newPatientId();
        StringBuilder observations = new StringBuilder();
        String[][] values = {{"2026-09-01T09:00:00Z", "4.1"}, {"2026-10-01T09:00:00Z", "3.2"},
                {"2026-11-01T09:00:00Z", "5.9"}};
        for (int i = 0; i < values.length; i++) {
            String id = patientId + "-k" + i;
            observations.append("""
                    {"fullUrl": "Observation/%s", "resource": {"resourceType": "Observation", "id": "%s",
                     "status": "final", "category": [{"coding": [{"system":
                     "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
                     "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1000651000000109",
                     "display": "Serum potassium level"}]}, "subject": {"reference": "Patient/%s"},
                     "effectiveDateTime": "%s", "valueQuantity": {"value": %s, "unit": "mmol/L",
                     "system": "http://unitsofmeasure.org", "code": "mmol/L"},
                     "referenceRange": [{"low": {"value": 3.5, "unit": "mmol/L"}, "high": {"value": 5.3,
                     "unit": "mmol/L"}, "text": "3.5-5.3"}]},
                     "request": {"method": "PUT", "url": "Observation/%s"}},
                    """.formatted(id, id, patientId, values[i][0], values[i][1], id));
        }
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE,
                patientId).replaceFirst("\"entry\": \\[", "\"entry\": [" + observations));
        try (Browser gp = Browser.start()) {
            gp.signIn(DemoRegion.GP_CLINICIAN).open("/records/" + nhsNumber).awaitHeading("Record summary");
            gp.click("#results-link").awaitHeading("Test results");
            String card = card(gp, "Serum potassium level");
            String text = gp.text("#" + card);
            assertTrue(text.contains("Latest: 5.9 mmol/L on 1 November 2026") && text.contains("High")
                    && text.contains("Reference range 3.5-5.3"), text);
            assertEquals(3, gp.all("#" + card + " tbody tr").size());
            assertTrue(gp.text("#" + card + " tbody tr:nth-child(2)").contains("Low"));
            // the chart: a line through three points, the range's band, and a text alternative
            assertEquals(3, gp.all("#" + card + " svg circle").size());
            assertEquals(1, gp.all("#" + card + " svg rect").size());
            String title = gp.find("#" + card + " svg title").getAttribute("textContent");
            assertTrue(title.contains("3 values from 1 September 2026 to 1 November 2026"), title);
            gp.checkPage("test-results");
        }
    }

    @Test
    void aPrivacyOfficerReviewsAClinicianWhoOpenedManyRecordsWithinAnHour() throws Exception {
        String gp = SystemUnderTest.KEYCLOAK.login(DemoRegion.GP_CLINICIAN);
        // more different people's records within an hour than audit's threshold (30)
        for (int i = 0; i < 31; i++) {
            String nhsNumber = TestNhsNumbers.next();
            SystemUnderTest.ingest(DemoRegion.GP_SYSTEM,
                    SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
            SystemUnderTest.as(ServiceSpec.RECORD, gp).get("/api/records/" + nhsNumber + "/summary").then()
                    .statusCode(200);
        }
        String note = "Vaccination clinic list, confirmed with the practice manager "
                + UUID.randomUUID().toString().substring(0, 8);
        try (Browser officer = Browser.start()) {
            officer.signIn(DemoRegion.PRIVACY_OFFICER).awaitHeading("Access reviews");
            // audit looks for patterns in its log every 30 seconds
            String card = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (card == null && System.nanoTime() < deadline) {
                card = officer.open("/privacy/reviews").awaitHeading("Access reviews").all(".nhsuk-card").stream()
                        .filter(c -> c.getText().contains("Many records in an hour: Asha Patel"))
                        .map(c -> c.getAttribute("id")).findFirst().orElse(null);
                if (card == null) {
                    Thread.sleep(3_000);
                }
            }
            assertTrue(card != null, "no alert on the GP's many records within two minutes");
            assertTrue(officer.text("#" + card).contains("different people's records opened within an hour"),
                    officer.text("#" + card));
            officer.checkPage("pattern-alerts");
            String id = card.substring("pattern-".length());
            officer.click("#" + card + " button").awaitHeading("Access reviews");
            assertTrue(officer.text(".nhsuk-error-summary").contains("Choose what you found"));
            officer.click("#referred-" + id).type("#pattern-note-" + id, note).click("#" + card + " button")
                    .awaitHeading("Access reviews");
            assertTrue(officer.all("#" + card).isEmpty(), "the alert left the queue");
            String reviewed = officer.text("#reviewed-patterns");
            assertTrue(reviewed.contains(note) && reviewed.contains("referred"), reviewed);
            officer.checkPage("pattern-alerts-reviewed");
        }
    }

    @Test
    void thePlatformOperatorSeesDeadLettersWithoutWhatTheyHoldAndReplaysOneOnceIdentityIsBack() throws Exception {
        String family = uniqueFamily();
        String nhsNumber = TestNhsNumbers.next();
        String badNumber = nhsNumber.substring(0, 9) + ((nhsNumber.charAt(9) - '0' + 1) % 10);
        String gp = SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.GP_SYSTEM);
        String refused = keptAs(SystemUnderTest.CLIENT.postBundle(gp, SystemUnderTest.summaryBundle(badNumber,
                DemoRegion.GP_PRACTICE).replace("\"family\": \"Jones\"", "\"family\": \"" + family + "\"")), 422);
        ManagedProcess identity = SystemUnderTest.STACK.service(ServiceSpec.IDENTITY);
        String waiting;
        identity.stop();
        try {
            waiting = keptAs(SystemUnderTest.CLIENT.postBundle(gp, SystemUnderTest.summaryBundle(
                    TestNhsNumbers.next(), DemoRegion.GP_PRACTICE)), 503);
        } finally {
            identity.start().awaitReady(Duration.ofMinutes(2));
        }
        try (Browser operator = Browser.start()) {
            operator.signIn(DemoRegion.PLATFORM_OPERATOR).awaitHeading("Feed health");
            assertTrue(operator.url().endsWith("/feeds"), operator.url());
            String row = operator.text("#dead-letter-" + waiting);
            // the organisation by name when the portal holds the partner register's names, else by its code
            assertTrue(row.contains("503 Service unavailable") && row.contains("K81001")
                    && row.contains("partner-k81001-gp (fhir)"), row);
            String refusedRow = operator.text("#dead-letter-" + refused);
            assertTrue(refusedRow.contains("422 Unprocessable content")
                    && refusedRow.contains("Bundle.entry[0].resource.identifier"), refusedRow);
            // where and when, never what: not the message, nor the problem's words that quote it
            String page = operator.text("main");
            assertFalse(page.contains(badNumber) || page.contains(family) || page.contains("Modulus 11"), page);
            operator.checkPage("feed-health-operator");

            // a replay whose cause is not fixed fails again: its status, not its words
            operator.click("#replay-" + refused).awaitHeading("Feed health");
            String problem = operator.text(".nhsuk-error-summary");
            assertTrue(problem.contains("did not complete (422)") && problem.contains("stays open"), problem);
            assertFalse(operator.text("main").contains("Modulus 11"));
            assertTrue(operator.text("#dead-letter-" + refused).contains("422"));
            operator.checkPage("feed-health-replay-failed");

            // identity is back: the replay goes through as the GP system's own, and the letter leaves the list
            operator.click("#replay-" + waiting).awaitHeading("Feed health");
            assertTrue(operator.all("#dead-letter-" + waiting).isEmpty(), "the letter left the waiting list");
            assertTrue(operator.text("#replayed-" + waiting).contains("after 2 attempts"),
                    operator.text("#replayed-letters"));
            operator.checkPage("feed-health-replayed");

            // a replay forged by another site (the session cookie rides along, the CSRF token does not) is refused
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(ServiceSpec.PORTAL.url() + "/feeds/dead-letters/" + refused + "/replay"))
                    .header("Cookie", operator.cookieHeader())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, forged.statusCode(), forged.body());
            operator.open("/feeds").awaitHeading("Feed health");
            assertEquals("2", operator.text("#dead-letter-" + refused + " td:nth-child(4)"),
                    "still waiting, and not tried again");

            // and never a record
            operator.open("/records/" + DemoRegion.CITIZEN_NHS_NUMBER).awaitHeading("You cannot open this page");
        }
        List<String> replay = GovernanceAuditAttackTest.entries("ingest.dead-letter.replay").get(0);
        assertEquals(List.of("Olu Adeyemi", "platform-operator", DemoRegion.ICB), replay.subList(0, 3),
                "the replay is audited, attributed to the operator from their token");
    }

    /** The id of the dead letter a refused bundle was kept as: its OperationOutcome names it. */
    static String keptAs(HttpResponse<String> refused, int status) {
        assertEquals(status, refused.statusCode(), refused.body());
        Matcher id = Pattern.compile("dead letter ([0-9a-f-]{36})").matcher(refused.body());
        assertTrue(id.find(), refused.body());
        return id.group(1);
    }

    static String row(Browser browser, String text) {
        return browser.all("#requests tbody tr").stream().map(r -> r.getText()).filter(r -> r.contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no request " + text + " in the citizen's list"));
    }

    static String card(Browser browser, String text) {
        return browser.all(".nhsuk-card").stream().filter(c -> c.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + text)).getAttribute("id");
    }

    @Test
    void everyPageIsUncachedUnframableAndScriptFreeAndAFormWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(ServiceSpec.PORTAL.url() + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, start.statusCode());
        assertEquals("no-store", start.headers().firstValue("cache-control").orElse(""));
        assertEquals("DENY", start.headers().firstValue("x-frame-options").orElse(""));
        String csp = start.headers().firstValue("content-security-policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-inline"), csp);
        assertFalse(start.body().contains("<script>") || start.body().contains("style="), "no inline script or style");
        // HSTS only when the page was asked for over TLS: behind the ingress, which says so in X-Forwarded-Proto
        assertTrue(start.headers().firstValue("strict-transport-security").isEmpty(), "no HSTS over plain http");
        HttpResponse<String> overTls = http.send(HttpRequest.newBuilder(URI.create(ServiceSpec.PORTAL.url() + "/"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("max-age=31536000; includeSubDomains",
                overTls.headers().firstValue("strict-transport-security").orElse(""));

        String nhsNumber = newPerson(TestNhsNumbers.next(), uniqueFamily());
        try (Browser hospital = Browser.start()) {
            hospital.signIn(DemoRegion.HOSPITAL_CLINICIAN).open("/records/" + nhsNumber)
                    .awaitHeading("no care relationship");
            // a forged form from elsewhere: the session cookie rides along, the CSRF token does not
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(
                            URI.create(ServiceSpec.PORTAL.url() + "/records/" + nhsNumber + "/break-glass"))
                    .header("Cookie", hospital.cookieHeader())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("reason=emergency-care&text=Forged+by+another+site"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, forged.statusCode(), forged.body());
            // nothing was disclosed: the clinician still has no access
            hospital.open("/records/" + nhsNumber).awaitHeading("no care relationship");
        }
    }
}
