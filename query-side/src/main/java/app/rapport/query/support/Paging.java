package app.rapport.query.support;

/** The limits every paged query shares; the controllers state them on their parameters. */
public final class Paging {

    public static final String DEFAULT_SIZE = "50";
    public static final int MAX_SIZE = 200;

    private Paging() {
    }
}
