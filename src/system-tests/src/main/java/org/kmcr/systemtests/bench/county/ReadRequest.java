package org.kmcr.systemtests.bench.county;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * One kind of read the county benchmark measures: its name in the report, the request for a person, and what the
 * client accepts. {@link #ALL} is the request set; a new read path is one more line there.
 */
public record ReadRequest(String name, Function<CountyPerson, URI> uri, String accept) {

    static final String FHIR_JSON = "application/fhir+json";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number%7C";

    public static final ReadRequest SUMMARY = new ReadRequest("GET /api/records/{nhs}/summary",
            p -> URI.create(ServiceSpec.RECORD.url() + "/api/records/" + p.nhsNumber() + "/summary"),
            "application/json");
    public static final ReadRequest FHIR_SUMMARY = new ReadRequest("GET /fhir/r4/Patient/$summary",
            p -> URI.create(ServiceSpec.RECORD.url() + "/fhir/r4/Patient/$summary?identifier=" + NHS_NUMBER
                    + p.nhsNumber()), FHIR_JSON);

    public static final ReadRequest FHIR_EVERYTHING = new ReadRequest("GET /fhir/r4/Patient/$everything",
            p -> URI.create(ServiceSpec.RECORD.url() + "/fhir/r4/Patient/$everything?identifier=" + NHS_NUMBER
                    + p.nhsNumber()), FHIR_JSON);

    /** What is measured, in order; the FHIR operations answer their first page. */
    public static final List<ReadRequest> ALL = List.of(SUMMARY, FHIR_SUMMARY, FHIR_EVERYTHING);
}
