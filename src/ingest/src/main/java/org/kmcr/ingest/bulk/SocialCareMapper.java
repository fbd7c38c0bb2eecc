package org.kmcr.ingest.bulk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.ingest.mapping.PatientFacts;

/**
 * Maps a row of a social care extract to UK Core resources: the person as a Patient, and the row's record as an
 * EpisodeOfCare (an open case with its allocated team and worker), a CarePlan (a care package), a Flag (looked-after
 * child, child protection plan) or a RelatedPerson (a carer). The format is documented in docs/api.md ("Bulk social
 * care extracts"); every problem of a row is reported at once, naming its column.
 */
public final class SocialCareMapper {

    public static final String SNOMED = "http://snomed.info/sct";
    /** The social care allocation a case row with an allocated team or worker asserts for the sender. */
    public static final String ALLOCATION = "social-care-allocation";
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final Set<String> REQUIRED = Set.of("row_type", "record_id", "person_id", "updated_at");
    static final int MAX_ID = 64;

    private SocialCareMapper() {
    }

    /** The kinds of row, by the value of {@code row_type}. */
    public enum RowType {
        CASE("case"), CARE_PACKAGE("care-package"), LOOKED_AFTER("looked-after"),
        CHILD_PROTECTION_PLAN("child-protection-plan"), CARER("carer");

        final String code;

        RowType(String code) {
            this.code = code;
        }

        static RowType of(String code) {
            return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst().orElse(null);
        }
    }

    /**
     * A row as resources.
     *
     * @param personId     the sender's local id of the person (the Patient's id)
     * @param nhsNumber    the person's NHS number (Modulus 11 checked), or null when the row has none
     * @param resource     the row's record; its id is the row's {@code record_id}
     * @param removed      true when the row says the record was entered in error: it is removed from the record
     * @param allocation   for a case with an allocated team or worker: the allocation (start, end), else null
     */
    public record Mapped(String personId, String nhsNumber, Patient patient, DomainResource resource,
            boolean removed, Allocation allocation) {
    }

    /** A social care allocation's dates. */
    public record Allocation(LocalDate startedOn, LocalDate endsOn) {
    }

    /** A row that breaks the format: every problem, each naming its column. */
    public static final class RowRejected extends Exception {
        private final List<String> problems;

        RowRejected(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The row's resources, or every reason it cannot be taken. */
    public static Mapped map(SocialCareRow row, String senderOrg) throws RowRejected {
        List<String> problems = new ArrayList<>();
        REQUIRED.stream().sorted().filter(column -> row.get(column) == null)
                .forEach(column -> problems.add(column + ": is required"));
        RowType type = row.get("row_type") == null ? null : RowType.of(row.get("row_type"));
        if (row.get("row_type") != null && type == null) {
            problems.add("row_type: must be one of case, care-package, looked-after, child-protection-plan, carer");
        }
        String personId = id(row, "person_id", problems);
        String recordId = id(row, "record_id", problems);
        Date updatedAt = dateTime(row, "updated_at", problems);
        LocalDate start = date(row, "start_date", problems);
        LocalDate end = date(row, "end_date", problems);
        LocalDate birthDate = date(row, "birth_date", problems);
        String nhsNumber = row.get("nhs_number") == null ? null : row.get("nhs_number").replace(" ", "");
        if (nhsNumber != null) {
            NhsNumber.problemWith(nhsNumber).ifPresent(problem -> problems.add("nhs_number: " + problem));
        }
        AdministrativeGender gender = gender(row, problems);
        String status = row.get("status");
        if (status != null && !status.equals("entered-in-error")) {
            problems.add("status: may only be entered-in-error (leave it empty otherwise)");
        }
        if (start == null && type != null && type != RowType.CARER) {
            problems.add("start_date: is required for a " + type.code + " row");
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("end_date: is before start_date");
        }
        if (type == RowType.CASE && !Set.of("adults", "children").contains(String.valueOf(row.get("service")))) {
            problems.add("service: must be adults or children for a case row");
        }
        if (type == RowType.CARER && row.get("contact_name") == null) {
            problems.add("contact_name: is required for a carer row");
        }
        if (!problems.isEmpty()) {
            throw new RowRejected(problems);
        }
        Patient patient = patient(row, personId, nhsNumber, birthDate, gender, updatedAt);
        if (nhsNumber == null) {
            java.util.Optional<String> unmatchable = PatientFacts.unmatchableWithoutNhsNumber(patient);
            if (unmatchable.isPresent()) {
                throw new RowRejected(List.of("nhs_number: is empty. " + unmatchable.get() + " (family, birth_date)"));
            }
        }
        Reference subject = new Reference("Patient/" + personId);
        boolean open = end == null || !end.isBefore(LocalDate.now(UK));
        DomainResource resource = switch (type) {
            case CASE -> episode(row, subject, senderOrg, start, end, open);
            case CARE_PACKAGE -> carePackage(row, subject, start, end, open);
            case LOOKED_AFTER -> flag(subject, "1110951000000104", "Looked after child", start, end, open);
            case CHILD_PROTECTION_PLAN -> flag(subject, "764841000000100", "Subject to child protection plan",
                    start, end, open);
            case CARER -> carer(row, subject, start, end, open);
        };
        resource.setId(recordId);
        resource.getMeta().setLastUpdated(updatedAt);
        boolean allocated = type == RowType.CASE && (row.get("team_code") != null || row.get("worker_id") != null
                || row.get("worker_name") != null);
        return new Mapped(personId, nhsNumber, patient, resource, status != null,
                allocated ? new Allocation(start, end) : null);
    }

    private static Patient patient(SocialCareRow row, String personId, String nhsNumber, LocalDate birthDate,
            AdministrativeGender gender, Date updatedAt) {
        Patient patient = new Patient();
        patient.setId(personId);
        patient.getMeta().setLastUpdated(updatedAt);
        if (nhsNumber != null) {
            patient.addIdentifier().setSystem(NhsNumber.SYSTEM).setValue(nhsNumber);
        }
        if (row.get("family") != null || row.get("given") != null) {
            HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(row.get("family"));
            if (row.get("given") != null) {
                Arrays.stream(row.get("given").split("\\s+")).forEach(name::addGiven);
            }
        }
        if (birthDate != null) {
            patient.setBirthDateElement(new DateType(birthDate.toString()));
        }
        patient.setGender(gender);
        if (row.get("postcode") != null || row.get("address_line") != null || row.get("town") != null) {
            patient.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME)
                    .setCity(row.get("town")).setPostalCode(row.get("postcode"))
                    .addLine(row.get("address_line"));
        }
        return patient;
    }

    private static EpisodeOfCare episode(SocialCareRow row, Reference subject, String senderOrg, LocalDate start,
            LocalDate end, boolean open) {
        boolean children = "children".equals(row.get("service"));
        EpisodeOfCare episode = new EpisodeOfCare();
        episode.setStatus(open ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        episode.addType(new CodeableConcept(new Coding(SNOMED, "410447006", "Social care"))
                .setText(children ? "Children's social care" : "Adults' social care"));
        episode.setPatient(subject);
        episode.setManagingOrganization(new Reference().setIdentifier(new Identifier().setSystem(ODS_SYSTEM)
                .setValue(senderOrg)));
        episode.setPeriod(period(start, end));
        if (row.get("team_code") != null || row.get("team_name") != null) {
            episode.addTeam(new Reference().setDisplay(row.get("team_name")).setIdentifier(row.get("team_code") == null
                    ? null : new Identifier().setSystem(teamSystem(senderOrg)).setValue(row.get("team_code"))));
        }
        if (row.get("worker_id") != null || row.get("worker_name") != null) {
            episode.setCareManager(new Reference().setDisplay(row.get("worker_name")).setIdentifier(
                    row.get("worker_id") == null ? null
                            : new Identifier().setSystem(workerSystem(senderOrg)).setValue(row.get("worker_id"))));
        }
        return episode;
    }

    private static CarePlan carePackage(SocialCareRow row, Reference subject, LocalDate start, LocalDate end,
            boolean open) {
        CarePlan plan = new CarePlan();
        plan.setStatus(open ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.COMPLETED);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.addCategory(new CodeableConcept(new Coding(SNOMED, "735324008", "Care package")));
        plan.setTitle("Care package");
        plan.setDescription(row.get("description"));
        plan.setSubject(subject);
        plan.setPeriod(period(start, end));
        return plan;
    }

    private static Flag flag(Reference subject, String code, String display, LocalDate start, LocalDate end,
            boolean open) {
        Flag flag = new Flag();
        flag.setStatus(open ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category",
                "safety", "Safety")));
        flag.setCode(new CodeableConcept(new Coding(SNOMED, code, display)));
        flag.setSubject(subject);
        flag.setPeriod(period(start, end));
        return flag;
    }

    private static RelatedPerson carer(SocialCareRow row, Reference subject, LocalDate start, LocalDate end,
            boolean open) {
        RelatedPerson carer = new RelatedPerson();
        carer.setActive(open);
        carer.setPatient(subject);
        carer.addRelationship(new CodeableConcept(new Coding(SNOMED, "133932002", "Caregiver"))
                .setText(row.get("contact_relationship")));
        carer.addName().setText(row.get("contact_name"));
        if (row.get("contact_phone") != null) {
            carer.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(row.get("contact_phone"));
        }
        if (start != null || end != null) {
            carer.setPeriod(period(start, end));
        }
        return carer;
    }

    /** The identifier system of a local authority's team codes. */
    static String teamSystem(String senderOrg) {
        return "https://fhir.kmcr.org/Id/" + senderOrg + "/social-care-team";
    }

    static String workerSystem(String senderOrg) {
        return "https://fhir.kmcr.org/Id/" + senderOrg + "/social-care-worker";
    }

    private static Period period(LocalDate start, LocalDate end) {
        Period period = new Period();
        if (start != null) {
            period.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(start.toString()));
        }
        if (end != null) {
            period.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(end.toString()));
        }
        return period;
    }

    private static String id(SocialCareRow row, String column, List<String> problems) {
        String value = row.get(column);
        if (value != null && !value.matches("[A-Za-z0-9\\-.]{1," + MAX_ID + "}")) {
            problems.add(column + ": must be 1 to " + MAX_ID + " letters, digits, '-' or '.'");
            return null;
        }
        return value;
    }

    private static LocalDate date(SocialCareRow row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(column + ": must be a date as YYYY-MM-DD, not '" + value + "'");
            return null;
        }
    }

    private static Date dateTime(SocialCareRow row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Date.from(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(column + ": must be a date and time with its offset (ISO 8601, e.g. "
                    + "2026-05-01T10:00:00Z), not '" + value + "'");
            return null;
        }
    }

    private static AdministrativeGender gender(SocialCareRow row, List<String> problems) {
        String value = row.get("gender");
        if (value == null) {
            return null;
        }
        try {
            return AdministrativeGender.fromCode(value.toLowerCase(Locale.ROOT));
        } catch (Exception e) {
            problems.add("gender: must be male, female, other or unknown");
            return null;
        }
    }
}
