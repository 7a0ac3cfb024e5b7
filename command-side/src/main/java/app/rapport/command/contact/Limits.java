package app.rapport.command.contact;

/** Upper bounds of what one request may carry; the README lists them. */
final class Limits {

    static final int NAME = 200;
    static final int EMAIL = 254;
    static final int PHONE = 50;
    static final int PROFILE_URL = 2_000;
    static final int PURPOSE = 500;
    static final int NOTE = 5_000;
    static final int NOTES = 20_000;
    static final int QUESTIONS = 50;
    static final int QUESTION = 500;
    static final int KEEPS = 50;

    private Limits() {
    }
}
