package org.kmcr.systemtests.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Calls KMCR's public APIs as a partner system or a user would, over HTTP with a bearer token. */
public final class KmcrClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Registers every demo partner as having signed the sharing agreement (as the privacy officer). */
    public void registerPartners(String privacyOfficerToken) {
        for (DemoRegion.Partner partner : DemoRegion.PARTNERS) {
            HttpResponse<String> response = send(ServiceSpec.CONSENT, "PUT", "/api/sharing-partners/" + partner.odsCode(),
                    privacyOfficerToken, "application/json", json(Map.of("name", partner.name(),
                            "kind", partner.kind(), "agreementSignedOn", "2026-01-01")));
            expect(response, 200, 201);
        }
    }

    /** Posts a FHIR bundle to ingest as a partner system; returns the raw response. */
    public HttpResponse<String> postBundle(String partnerToken, String bundleJson) {
        return send(ServiceSpec.INGEST, "POST", "/fhir/r4", partnerToken, "application/fhir+json", bundleJson);
    }

    /** Records a care relationship between an organisation and a person (as the privacy officer). */
    public void recordRelationship(String token, UUID personId, String orgCode, String kind) {
        expect(send(ServiceSpec.CONSENT, "POST", "/api/relationships", token, "application/json",
                json(Map.of("personId", personId.toString(), "orgCode", orgCode, "kind", kind,
                        "source", "demo-setup"))), 200, 201);
    }

    /** The person id KMCR holds for an NHS number (asked as a KMCR service). */
    public UUID personId(String serviceToken, String nhsNumber) {
        HttpResponse<String> response = send(ServiceSpec.IDENTITY, "GET", "/api/persons?nhsNumber=" + nhsNumber,
                serviceToken, null, null);
        expect(response, 200);
        return UUID.fromString(read(response.body()).get("personId").asText());
    }

    public HttpResponse<String> get(ServiceSpec service, String path, String token) {
        return send(service, "GET", path, token, null, null);
    }

    public HttpResponse<String> post(ServiceSpec service, String path, String token, Object body) {
        return send(service, "POST", path, token, "application/json", json(body));
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    private HttpResponse<String> send(ServiceSpec service, String method, String path, String token,
            String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(service.name() + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
