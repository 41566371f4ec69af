package com.dealerdesk.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where a webhook may point: an absolute https URL (http only where the operator allows
 * it) without credentials, whose host resolves to public addresses only, unless an admin
 * allowed the endpoint into private networks. Checked when an endpoint is saved and again
 * at each delivery, which connects only to the addresses that pass, so a name that
 * resolves elsewhere later (DNS rebinding) still cannot reach the internal network.
 */
final class WebhookUrls {

	static final int MAX_LENGTH = 2048;

	private static final String[] FIELD = { "input", "url" };

	private WebhookUrls() {
	}

	/** The URL if its form is acceptable; the reason otherwise, as a user error. */
	static URI parse(String url, boolean allowHttp) {
		if (url == null || url.isBlank()) {
			throw refused(UserErrorCode.REQUIRED, "Enter the endpoint's URL.");
		}
		if (url.length() > MAX_LENGTH) {
			throw refused(UserErrorCode.TOO_LONG, "At most " + MAX_LENGTH + " characters.");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw refused(UserErrorCode.INVALID_FORMAT, "Not a valid URL.");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
				|| !(scheme.equals("https") || scheme.equals("http"))) {
			throw refused(UserErrorCode.INVALID_FORMAT, "Must be an absolute URL such as https://example.com/hooks.");
		}
		if (scheme.equals("http") && !allowHttp) {
			throw refused(UserErrorCode.INVALID_VALUE, "Must use https.");
		}
		if (uri.getRawUserInfo() != null) {
			throw refused(UserErrorCode.INVALID_FORMAT,
					"Must not contain a user name or password: authenticate deliveries by their signature.");
		}
		if (uri.getRawFragment() != null) {
			throw refused(UserErrorCode.INVALID_FORMAT, "Must not contain a fragment (#...).");
		}
		return uri;
	}

	/**
	 * The host's addresses, resolved off the event loop; a user error when it does not
	 * resolve, or when any address is private and private networks are not allowed.
	 */
	static Mono<List<InetAddress>> resolveAllowed(URI uri, boolean allowPrivateNetwork) {
		return resolve(uri).flatMap(addresses -> {
			if (!allowPrivateNetwork && addresses.stream().anyMatch(WebhookUrls::isPrivate)) {
				return Mono.error(refused(UserErrorCode.INVALID_VALUE,
						"Points at a loopback, link-local or private address: webhooks go to public addresses only."));
			}
			return Mono.just(addresses);
		})
			.onErrorMap(UnknownHostException.class,
					ex -> refused(UserErrorCode.INVALID_VALUE, "The host name does not resolve."));
	}

	/**
	 * The addresses a delivery may connect to: all when private networks are allowed, the
	 * public ones otherwise (possibly none).
	 */
	static Mono<List<InetAddress>> deliverable(URI uri, boolean allowPrivateNetwork) {
		return resolve(uri).map(addresses -> allowPrivateNetwork ? addresses
				: addresses.stream().filter(address -> !isPrivate(address)).toList());
	}

	private static Mono<List<InetAddress>> resolve(URI uri) {
		String host = uri.getHost();
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		// the system resolver blocks: never on an event loop
		return Mono.fromCallable(() -> Arrays.asList(InetAddress.getAllByName(bare)))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Loopback, link-local, private (RFC 1918, carrier-grade NAT, unique local IPv6),
	 * unspecified, multicast and broadcast addresses, and IPv4-mapped IPv6 forms of them.
	 */
	static boolean isPrivate(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
			return isPrivateIpv4(Arrays.copyOfRange(bytes, 12, 16));
		}
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		if (bytes.length == 4) {
			return isPrivateIpv4(bytes);
		}
		// fc00::/7 unique local
		return (bytes[0] & 0xfe) == 0xfc;
	}

	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
	}

	private static boolean isPrivateIpv4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return first == 0 || first == 10 || first == 127 || (first == 169 && second == 254)
				|| (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)
				|| (first == 100 && second >= 64 && second <= 127) || first >= 224;
	}

	private static UserErrorsException refused(UserErrorCode code, String message) {
		return new UserErrorsException(UserError.of(code, message, FIELD));
	}

}
