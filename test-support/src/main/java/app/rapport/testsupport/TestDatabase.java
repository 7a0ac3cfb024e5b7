package app.rapport.testsupport;

/**
 * Where one test's database is.
 *
 * @param url JDBC URL of a database no other test context uses
 * @param username the user to connect as
 * @param password the password, empty for the embedded server
 */
public record TestDatabase(String url, String username, String password) {
}
