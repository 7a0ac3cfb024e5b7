package app.rapport.command.contact;

/**
 * What a profile URL may be: a web address, with {@code http://} or {@code https://} or without a
 * scheme ({@code linkedin.com/in/someone}), never one a page would run or open as something else
 * ({@code javascript:}, {@code data:}, {@code file:}).
 */
final class WebAddress {

    static final String PATTERN = "(?is)https?://.*|(?![a-z][a-z0-9+.\\-]*:).*";
    static final String MESSAGE = "must be a web address (http or https)";

    private WebAddress() {
    }
}
