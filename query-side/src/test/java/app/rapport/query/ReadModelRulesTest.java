package app.rapport.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Rules the read models must not break, checked over the compiled classes. */
class ReadModelRulesTest {

    static final JavaClasses QUERY_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.rapport.query");

    /** Spring Data's words for reading: any method that starts with one of them returns rows. */
    static final Pattern READS = Pattern.compile("^(find|read|get|query|search|stream|count|exists).*");

    @Test
    void everyReadingRepositoryMethod_takesTheOwnerFirst() {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (JavaClass type : QUERY_SIDE) {
            Class<?> repository = type.reflect();
            if (!repository.isInterface() || !Repository.class.isAssignableFrom(repository)) {
                continue;
            }
            checked++;
            for (Method method : repository.getMethods()) {
                if (!READS.matcher(method.getName()).matches()) {
                    continue;
                }
                Parameter[] parameters = method.getParameters();
                if (parameters.length == 0 || !parameters[0].getName().equals("ownerId")) {
                    offenders.add(repository.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(checked).as("read-model repositories found").isGreaterThanOrEqualTo(10);
        assertThat(offenders).as("repository methods that could read another owner's rows").isEmpty();
    }

    @Test
    void readModelRepositories_areNotCrudRepositories_soNoFindAllOrFindByIdSlipsThrough() {
        noClasses().that().resideInAPackage("app.rapport.query..")
                .should().beAssignableTo(org.springframework.data.repository.CrudRepository.class)
                .orShould().beAssignableTo(org.springframework.data.repository.ListCrudRepository.class)
                .check(QUERY_SIDE);
    }

    @Test
    void controllers_neverReturnEntities() {
        for (JavaClass type : QUERY_SIDE) {
            if (!type.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (Method method : type.reflect().getDeclaredMethods()) {
                assertThat(method.getReturnType().isAnnotationPresent(Entity.class))
                        .as(type.getSimpleName() + "." + method.getName()).isFalse();
            }
        }
    }

    @Test
    void queryAndCommandSides_neverMeet() {
        noClasses().that().resideInAPackage("app.rapport.query..")
                .should().dependOnClassesThat().resideInAPackage("app.rapport.command..")
                .check(QUERY_SIDE);
    }
}
