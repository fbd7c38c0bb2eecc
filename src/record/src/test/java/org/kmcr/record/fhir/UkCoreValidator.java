package org.kmcr.record.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The HAPI validator with the UK Core definitions of the test resources (a copy, see uk-core/NOTICE.txt), offline:
 * no terminology server, so SNOMED CT codes are not checked against the release (an unknown code system is a
 * warning), everything else is.
 */
final class UkCoreValidator {

    private static UkCoreValidator instance;

    private final FhirContext fhir = FhirContext.forR4();
    private final FhirValidator validator;

    private UkCoreValidator() {
        PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(fhir);
        for (String folder : List.of("structuredefinitions", "valuesets", "codesystems")) {
            for (Path file : files("uk-core/" + folder)) {
                try (InputStream in = Files.newInputStream(file)) {
                    IBaseResource resource = fhir.newXmlParser().parseResource(in);
                    if (resource instanceof StructureDefinition definition) {
                        ukCore.addStructureDefinition(definition);
                    } else if (resource instanceof ValueSet valueSet) {
                        ukCore.addValueSet(valueSet);
                    } else if (resource instanceof CodeSystem codeSystem) {
                        ukCore.addCodeSystem(codeSystem);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(
                ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(ukCore, new DefaultProfileValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir), unknownCodeSystems);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        validator = fhir.newValidator().registerValidatorModule(module);
    }

    static synchronized UkCoreValidator get() {
        if (instance == null) {
            instance = new UkCoreValidator();
        }
        return instance;
    }

    /** The errors (and fatal errors) of the JSON against the profile (null: its base definition), as text. */
    List<String> errors(String json, String profile) {
        ValidationOptions options = new ValidationOptions();
        if (profile != null) {
            options.addProfile(profile);
        }
        return validator.validateWithResult(json, options).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(UkCoreValidator::describe).toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }

    private static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(Path.of(UkCoreValidator.class.getClassLoader().getResource(folder).toURI()))) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
