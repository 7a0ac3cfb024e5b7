package app.rapport.command.reliability;

import java.util.ArrayList;
import java.util.List;

import app.rapport.command.CommandSideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Command-side apps a test starts itself, on a database it names, with the test users. */
final class Instances {

    private Instances() {
    }

    static ConfigurableApplicationContext commandSide(TestDatabase database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--rapport.test-database=off",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0"));
        List<String> users = List.of(TestUsers.DEMO, TestUsers.ALICE, TestUsers.BOB);
        for (int i = 0; i < users.size(); i++) {
            args.add("--rapport.users[%d].username=%s".formatted(i, users.get(i)));
            args.add("--rapport.users[%d].password={noop}%s".formatted(i, TestUsers.passwordOf(users.get(i))));
        }
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(CommandSideApplication.class).run(args.toArray(String[]::new));
    }
}
