package org.kmcr.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.LayerRules;

class LayerDependencyTest {

    @Test
    void layersDependInwardOnly() {
        LayerRules.check("org.kmcr.identity");
    }

    @Test
    void theMatchingRulesArePureFunctionsOfTheDemographics() {
        noClasses().that().resideInAPackage("org.kmcr.identity.matching..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..service..", "..repository..",
                        "io.smallrye.mutiny..", "io.vertx..", "jakarta.persistence..", "org.hibernate..")
                .because("whether demographics contradict is decided from the demographics alone")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.kmcr.identity"));
    }
}
