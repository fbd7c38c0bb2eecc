package org.kmcr.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.kmcr.common.problem.Problem.FieldError;

/**
 * Full UK Core profile validation with the HAPI validator, offline: the UK Core R4 STU2 conformance resources
 * (StructureDefinitions, ValueSets, CodeSystems; copied into {@code uk-core/} with their licence) over the FHIR R4
 * core definitions. A resource is validated against {@code UKCore-<type>} where UK Core profiles its type, else
 * against the base R4 definition. No terminology server: codes of systems KMCR does not hold (SNOMED CT, dm+d) are
 * not checked (a warning, not an error); the FHIR code systems are. Built on first use (it takes seconds).
 */
@ApplicationScoped
public class UkCoreValidator {

    public static final String PROFILE_BASE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";
    static final String INDEX = "/uk-core/index.txt";

    private final FhirContext fhir;
    private volatile Loaded loaded;

    UkCoreValidator(FhirContext fhir) {
        this.fhir = fhir;
    }

    private record Loaded(FhirValidator validator, Set<String> profiled) {
    }

    /** Every error (and fatal issue) of the resource, located at {@code prefix} + its path in the resource. */
    public List<FieldError> errors(Resource resource, String prefix) {
        Loaded validation = load();
        ValidationOptions options = new ValidationOptions();
        if (validation.profiled.contains(resource.fhirType())) {
            options.addProfile(PROFILE_BASE + resource.fhirType());
        }
        List<FieldError> errors = new ArrayList<>();
        for (SingleValidationMessage message : validation.validator.validateWithResult(resource, options)
                .getMessages()) {
            if (message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(new FieldError(locate(message.getLocationString(), resource.fhirType(), prefix),
                        "UK Core: " + message.getMessage()));
            }
        }
        return errors;
    }

    /** Loads the definitions now rather than on the first bundle that needs them. */
    public void warmUp() {
        load();
    }

    private static String locate(String location, String type, String prefix) {
        if (location == null || location.isBlank()) {
            return prefix;
        }
        return location.startsWith(type) ? prefix + location.substring(type.length()) : prefix + "." + location;
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = build();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Loaded build() {
        PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(fhir);
        IParser xml = fhir.newXmlParser().setParserErrorHandler(new LenientErrorHandler(false));
        Set<String> profiled = new HashSet<>();
        for (String name : index()) {
            IBaseResource resource = read(xml, name);
            if (resource instanceof StructureDefinition definition) {
                ukCore.addStructureDefinition(definition);
                if (definition.getUrl().startsWith(PROFILE_BASE) && "resource".equals(definition.getKind().toCode())
                        && definition.getUrl().equals(PROFILE_BASE + definition.getType())) {
                    profiled.add(definition.getType());
                }
            } else if (resource instanceof ValueSet valueSet) {
                ukCore.addValueSet(valueSet);
            } else if (resource instanceof CodeSystem codeSystem) {
                ukCore.addCodeSystem(codeSystem);
            }
        }
        UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
        unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir), ukCore,
                new CommonCodeSystemsTerminologyService(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir), unknownSystems);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        FhirValidator validator = fhir.newValidator().registerValidatorModule(module);
        return new Loaded(validator, Set.copyOf(profiled));
    }

    private static List<String> index() {
        try (InputStream in = UkCoreValidator.class.getResourceAsStream(INDEX)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IBaseResource read(IParser xml, String name) {
        try (InputStream in = UkCoreValidator.class.getResourceAsStream("/uk-core/" + name)) {
            return xml.parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
