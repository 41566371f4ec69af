package com.dealerdesk.devidp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.dealerdesk.demo.DemoPeople.DemoUser;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users the development identity provider gained at run time (partners' portal users
 * invited through the API), beside the demo users. The provider and the API run in two
 * contexts of one JVM, so they meet here; users added are lost when the JVM stops, like
 * everything else the provider keeps.
 */
public final class DevIdpUsers {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Map<String, DemoUser> ADDED = new ConcurrentHashMap<>();

	private static volatile InMemoryUserDetailsManager users;

	private DevIdpUsers() {
	}

	/** Called by the provider when it starts: from then on users can be added. */
	static void attach(InMemoryUserDetailsManager manager) {
		users = manager;
	}

	/** Whether the provider runs in this JVM. */
	public static boolean running() {
		return users != null;
	}

	/**
	 * Adds a partner's portal user who signs in with the username and the returned
	 * password, and whose tokens carry the partner_user role and the partner claim.
	 */
	public static String addPartnerUser(String username, String name, String email, UUID partnerId) {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		users.createUser(User.withUsername(username).password("{noop}" + password).roles("PARTNER_USER").build());
		ADDED.put(username, new DemoUser(username, name, email, List.of("partner_user"), null, partnerId));
		return password;
	}

	/** The user can no longer sign in; tokens already issued the API refuses itself. */
	public static void disable(String username) {
		if (users != null && users.userExists(username)) {
			users.deleteUser(username);
		}
		ADDED.remove(username);
	}

	static Optional<DemoUser> added(String username) {
		return Optional.ofNullable(ADDED.get(username));
	}

}
