package app.rapport.platform.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The rule for where a webhook may post, defined once for the command side, which refuses a
 * registration, and the query side, which checks again before every delivery: a name that
 * resolved to a public address at registration may resolve to an internal one later (DNS
 * rebinding), and a delivery is a request the server makes on a user's behalf into whatever
 * network it sits in (server-side request forgery).
 * <p>
 * A URL must be absolute {@code https} without user info, and every address its host resolves to
 * must be public: not loopback (unless {@code allowLoopback}, for local development, which also
 * allows plain {@code http} to loopback), not private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * not carrier-grade NAT (100.64/10), not link-local (169.254/16, fe80::/10, where cloud metadata
 * services answer), not unspecified, multicast or broadcast.
 */
public final class WebhookAddress {

    /** Resolves a host name to all its addresses; the JDK's resolver unless a test gives another. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Why a URL is refused, in words for a problem document's detail. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The longest URL accepted, in characters. */
    public static final int MAX_LENGTH = 2000;

    private WebhookAddress() {
    }

    /** The URL parsed, or {@link Refused} saying which rule it breaks. */
    public static URI check(String url, boolean allowLoopback, Resolver resolver) throws Refused {
        if (url != null && url.length() > MAX_LENGTH) {
            throw new Refused("is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw new Refused("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry a user name or password");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("must use https");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve (" + host + ")");
        }
        if (addresses.isEmpty()) {
            throw new Refused("names a host that does not resolve (" + host + ")");
        }
        boolean allLoopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowLoopback) {
                    throw new Refused("resolves to a loopback address (" + address.getHostAddress()
                            + "), which only local development allows");
                }
            } else if (!isPublic(address)) {
                throw new Refused("resolves to a private, link-local or reserved address ("
                        + address.getHostAddress() + ")");
            }
        }
        if (scheme.equals("http") && !(allowLoopback && allLoopback)) {
            throw new Refused("must use https (plain http only to loopback, in local development)");
        }
        return uri;
    }

    private static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0                                      // "this network"
                    && !(first == 100 && second >= 64 && second < 128)  // carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)  // IETF protocol assignments
                    && first < 240;                                // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            return (first & 0xfe) != 0xfc;                         // unique local fc00::/7
        }
        return false;
    }
}
