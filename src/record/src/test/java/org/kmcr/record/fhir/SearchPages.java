package org.kmcr.record.fhir;

import io.restassured.path.json.JsonPath;
import java.net.URI;

/** Follows a searchset's links as a client does, with the clinician's token. */
final class SearchPages {

    private SearchPages() {
    }

    static JsonPath page(String url) {
        String path = url.startsWith("http") ? URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery() : url;
        return FhirTestBase.as(FhirTestBase.CLINICIAN).get(path).then().statusCode(200).extract().jsonPath();
    }

    static String link(JsonPath bundle, String relation) {
        return bundle.getString("link.find { it.relation == '" + relation + "' }.url");
    }
}
