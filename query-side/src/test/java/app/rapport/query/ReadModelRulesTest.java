package app.rapport.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Rules the read models must not break, checked over the compiled classes. */
class ReadModelRulesTest {

    static final JavaClasses QUERY_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.rapport.query");

    /** The words for reading: any query method that starts with one of them returns rows. */
    static final Pattern READS = Pattern.compile("^(find|read|get|query|search|stream|count|exists).*");

    @Test
    void everyReadingQueryMethod_takesTheOwnerFirst() {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (JavaClass type : QUERY_SIDE) {
            if (!type.isAnnotatedWith(Repository.class)) {
                continue;
            }
            checked++;
            for (Method method : type.reflect().getDeclaredMethods()) {
                if (Modifier.isPrivate(method.getModifiers()) || method.isSynthetic()
                        || !READS.matcher(method.getName()).matches()) {
                    continue;
                }
                Parameter[] parameters = method.getParameters();
                if (parameters.length == 0 || !parameters[0].getName().equals("ownerId")) {
                    offenders.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(checked).as("read-model query classes found").isGreaterThanOrEqualTo(6);
        assertThat(offenders).as("query methods that could read another owner's rows").isEmpty();
    }

    /** Every table has one mapping, in JDBC: nothing may bring a second one back. */
    @Test
    void readModels_useNeitherJpaNorSpringData() {
        noClasses().that().resideInAPackage("app.rapport.query..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "org.springframework.data..")
                .check(QUERY_SIDE);
    }

    /** Answers are records of their own: a column added to a table must not silently reach the wire. */
    @Test
    void controllers_neverReturnTableRows() {
        for (JavaClass type : QUERY_SIDE) {
            if (!type.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (method.getModifiers().contains(JavaModifier.PRIVATE)) {
                    continue;
                }
                assertThat(method.getReturnType().getAllInvolvedRawTypes())
                        .as(type.getSimpleName() + "." + method.getName())
                        .noneMatch(returned -> isTableRow(returned.reflect()));
            }
        }
    }

    @Test
    void queryAndCommandSides_neverMeet() {
        noClasses().that().resideInAPackage("app.rapport.query..")
                .should().dependOnClassesThat().resideInAPackage("app.rapport.command..")
                .check(QUERY_SIDE);
    }

    /** A table's record is the one with the table's row mapper. */
    private static boolean isTableRow(Class<?> type) {
        return type.isRecord() && Arrays.stream(type.getDeclaredFields())
                .anyMatch(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == RowMapper.class
                        && field.getName().equals("MAPPER"));
    }
}
