package org.kmcr.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house layering, checked on a service's compiled classes: resources call services, services call
 * repositories, never the other way, and resources never reach the database directly. A pure policy
 * package, where a service has one, depends on no layer at all.
 */
public final class LayerRules {

    private LayerRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("..repository..")
                .because("resources call services; persistence stays behind them")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAnyPackage("..service..", "..repository..", "..model..")
                .should().dependOnClassesThat().resideInAPackage("..rest..")
                .because("inner layers do not know the HTTP edge")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAnyPackage("..repository..", "..model..")
                .should().dependOnClassesThat().resideInAPackage("..service..")
                .because("repositories and entities do not call services")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("..policy..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..service..", "..repository..",
                        "..model..", "io.smallrye.mutiny..", "io.vertx..")
                .because("the policy is a pure function of its inputs")
                .allowEmptyShould(true).check(classes);
    }
}
