package org.kmcr.ingest.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Parses HL7 v2.3 to v2.5.1 messages (ER7, pipe-delimited) with HAPI into its v2.5.1 structures (HAPI's canonical
 * model), so one mapping serves every version. Escape sequences are decoded by the parser. HAPI's own format
 * validation is off: real feeds break it in harmless ways (an empty OBX-2, a "None" in a numeric field), and KMCR
 * checks what it needs itself, naming the field.
 */
@ApplicationScoped
public class Hl7Parser {

    static final Set<String> VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");

    private final PipeParser parser;

    Hl7Parser() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setDefaultObx2Type("ST");
        context.getParserConfiguration().setValidating(false);
        this.parser = context.getPipeParser();
    }

    /** The parsed message; a 400 problem (AR) when it is not HL7 v2 KMCR can read. */
    public Message parse(String text) {
        Hl7Header header = Hl7Header.of(text);
        if (!VERSIONS.contains(header.version())) {
            throw Hl7Problems.rejected(Hl7Problems.UNSUPPORTED_VERSION, "MSH-12", "HL7 version '" + header.version()
                    + "' is not supported: send v2.3, v2.3.1, v2.4, v2.5 or v2.5.1");
        }
        try {
            return parser.parse(normalise(text));
        } catch (HL7Exception e) {
            throw Hl7Problems.rejected(Hl7Problems.SEGMENT_SEQUENCE_ERROR, "MSH", "The message could not be parsed as "
                    + "HL7 v2: " + e.getMessage());
        }
    }

    /** Segments end with CR; senders that end them with LF or CRLF are read the same way. */
    static String normalise(String text) {
        return text.replace("\r\n", "\r").replace('\n', '\r').strip();
    }

    PipeParser pipeParser() {
        return parser;
    }
}
