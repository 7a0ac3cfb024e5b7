package app.rapport.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of the house that must not be broken, checked over all of Rapport's main code. */
@AnalyzeClasses(packages = "app.rapport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideNeverReadsTheQuerySide = noClasses()
            .that().resideInAPackage("app.rapport.command..")
            .should().dependOnClassesThat().resideInAPackage("app.rapport.query..");

    @ArchTest
    static final ArchRule querySideNeverReachesIntoTheCommandSide = noClasses()
            .that().resideInAPackage("app.rapport.query..")
            .should().dependOnClassesThat().resideInAPackage("app.rapport.command..");

    @ArchTest
    static final ArchRule theContractIsPlainJava = noClasses()
            .that().resideInAnyPackage("app.rapport.events..", "app.rapport.commands..", "app.rapport.values..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "com.fasterxml.jackson..", "app.rapport.platform..")
            .because("events are the long-lived public format, independent of any framework but Axon's annotations");

    @ArchTest
    static final ArchRule thePlatformKnowsNeitherSide = noClasses()
            .that().resideInAPackage("app.rapport.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("app.rapport.command..", "app.rapport.query..");

    @ArchTest
    static final ArchRule tablesAreReadAndWrittenWithJdbcAlone = noClasses()
            .that().resideInAPackage("app.rapport..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework.data.jpa..")
            .because("each table has one mapping: its Flyway migration and one record with its row mapper and upsert");
}
