package app.rapport.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.springframework.web.bind.annotation.RestController;

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
    static final ArchRule controllersNeverReturnJpaEntities = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(new ArchCondition<JavaMethod>("not return JPA entities") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean entity = typesIn(method.getReturnType()).anyMatch(ENTITY);
                    events.add(new SimpleConditionEvent(method, !entity,
                            method.getFullName() + " returns a JPA entity"));
                }
            });

    private static final DescribedPredicate<JavaClass> ENTITY =
            DescribedPredicate.describe("annotated with @Entity", type -> type.isAnnotatedWith(Entity.class));

    private static Stream<JavaClass> typesIn(JavaType type) {
        return type.getAllInvolvedRawTypes().stream();
    }
}
