package app.rapport.query.support;

/** A query parameter that parsed but means nothing here, named so the 400 can point at it. */
public class BadQueryParameterException extends RuntimeException {

    private final String parameter;

    public BadQueryParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
