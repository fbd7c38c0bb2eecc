package org.kmcr.ingest.hl7;

import java.util.List;
import org.kmcr.common.problem.Problem.FieldError;
import org.kmcr.common.problem.ProblemException;

/**
 * The problems an HL7 v2 message can have, each with the HTTP status a REST sender is given and the HL7 error code
 * (table 0357) an MLLP sender finds in ERR-3. A 400 is a message KMCR cannot read or does not take (its ACK is
 * AR), a 422 one whose content breaks a rule (AE).
 */
public final class Hl7Problems {

    /** HL7 table 0357 codes. */
    public static final String SEGMENT_SEQUENCE_ERROR = "100";
    public static final String REQUIRED_FIELD_MISSING = "101";
    public static final String DATA_TYPE_ERROR = "102";
    public static final String UNSUPPORTED_MESSAGE_TYPE = "200";
    public static final String UNSUPPORTED_EVENT = "201";
    public static final String UNSUPPORTED_VERSION = "203";
    public static final String UNKNOWN_KEY = "204";
    public static final String APPLICATION_ERROR = "207";

    private Hl7Problems() {
    }

    /** A problem with its HL7 error code. */
    public static final class Hl7Problem extends ProblemException {

        private final String errorCode;

        Hl7Problem(int status, String title, String detail, List<FieldError> errors, String errorCode) {
            super(status, title, detail, errors);
            this.errorCode = errorCode;
        }

        /** The HL7 table 0357 code for ERR-3. */
        public String errorCode() {
            return errorCode;
        }
    }

    /** A message KMCR cannot read or does not take: AR. */
    static Hl7Problem rejected(String hl7Code, String location, String detail) {
        return new Hl7Problem(400, "Bad request", detail, List.of(new FieldError(location, detail)), hl7Code);
    }

    /** A message whose content breaks rules: AE, with every problem found. */
    static Hl7Problem invalid(String hl7Code, List<FieldError> errors) {
        return new Hl7Problem(422, "Unprocessable content", "The message was not stored: " + String.join("; ",
                errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors, hl7Code);
    }
}
