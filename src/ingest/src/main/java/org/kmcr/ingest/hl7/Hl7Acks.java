package org.kmcr.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.model.v251.segment.ERR;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.parser.PipeParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.kmcr.common.problem.ProblemException;

/**
 * The HL7 v2 acknowledgement (original mode) of a message: AA when it is stored, AE when its content breaks a rule
 * (kept as a dead letter; do not resend it unchanged), AR when KMCR cannot read or does not take it, or when a
 * dependency (the MPI, the database) is down (resend it later). MSA-2 echoes MSH-10; MSA-3 and ERR-8 carry the
 * reason, ERR-3 its HL7 error code (table 0357), ERR-2 the field at fault.
 */
@ApplicationScoped
public class Hl7Acks {

    /** ACK codes (HL7 table 0008). */
    public static final String ACCEPTED = "AA";
    public static final String ERROR = "AE";
    public static final String REJECTED = "AR";
    static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    private final PipeParser parser;

    Hl7Acks(Hl7Parser hl7) {
        this.parser = hl7.pipeParser();
    }

    /** The code a problem is acknowledged with. */
    public static String codeFor(ProblemException problem) {
        return problem.status() == 400 || problem.status() == 503 ? REJECTED : ERROR;
    }

    public String accepted(Hl7Header header, String note) {
        return ack(header, ACCEPTED, note, null);
    }

    public String of(Hl7Header header, ProblemException problem, String note) {
        return ack(header, codeFor(problem), note, problem);
    }

    private String ack(Hl7Header header, String code, String note, ProblemException problem) {
        try {
            ACK ack = new ACK();
            MSH msh = ack.getMSH();
            msh.getFieldSeparator().setValue("|");
            msh.getEncodingCharacters().setValue("^~\\&");
            msh.getSendingApplication().getNamespaceID().setValue("KMCR");
            msh.getSendingFacility().getNamespaceID().setValue(header.receivingFacility());
            msh.getReceivingApplication().getNamespaceID().setValue(header.sendingApplication());
            msh.getReceivingFacility().getNamespaceID().setValue(header.sendingFacility());
            msh.getDateTimeOfMessage().getTime().setValue(ZonedDateTime.now().format(HL7_TIME));
            msh.getMessageType().getMessageCode().setValue("ACK");
            msh.getMessageType().getTriggerEvent().setValue(header.triggerEvent());
            msh.getMessageType().getMessageStructure().setValue("ACK");
            msh.getMessageControlID().setValue("KMCR-" + header.controlId());
            msh.getProcessingID().getProcessingID().setValue(header.processingId().isEmpty() ? "P"
                    : header.processingId());
            msh.getVersionID().getVersionID().setValue(Hl7Parser.VERSIONS.contains(header.version())
                    ? header.version() : "2.5.1");
            ack.getMSA().getAcknowledgmentCode().setValue(code);
            ack.getMSA().getMessageControlID().setValue(header.controlId());
            String text = problem != null ? problem.getMessage() + (note == null ? "" : ". " + note) : note;
            if (text != null) {
                ack.getMSA().getTextMessage().setValue(text);
            }
            if (problem != null) {
                error(ack.getERR(), problem);
            }
            return parser.encode(ack);
        } catch (HL7Exception e) {
            throw new IllegalStateException("The acknowledgement could not be built", e);
        }
    }

    private static void error(ERR err, ProblemException problem) throws HL7Exception {
        String errorCode = problem instanceof Hl7Problems.Hl7Problem hl7 ? hl7.errorCode()
                : problem.status() == 503 ? Hl7Problems.APPLICATION_ERROR : problem.status() == 422
                ? Hl7Problems.REQUIRED_FIELD_MISSING : Hl7Problems.APPLICATION_ERROR;
        err.getHL7ErrorCode().getIdentifier().setValue(errorCode);
        err.getHL7ErrorCode().getNameOfCodingSystem().setValue("HL70357");
        err.getSeverity().setValue("E");
        if (!problem.errors().isEmpty()) {
            String field = problem.errors().get(0).field();
            String[] parts = field.split("-", 2);
            err.getErrorLocation(0).getSegmentID().setValue(parts[0].replaceAll("\\W.*", ""));
            if (parts.length > 1) {
                err.getErrorLocation(0).getFieldPosition().setValue(parts[1].replaceAll("\\D.*", ""));
            }
        }
        err.getUserMessage().setValue(problem.getMessage());
    }
}
