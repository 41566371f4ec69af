package com.dealerdesk.support;

import java.util.List;
import java.util.UUID;

import com.dealerdesk.support.TestTokens.TestUser;

/**
 * The callers of the API tests: two teams of reps, their manager, an admin, an
 * accountant, a project manager, two partners with a user each, and integrations.
 * {@link ApiTest} writes them into the directory.
 */
public final class TestPeople {

	public static final UUID PARTNER_A = UUID.fromString("00000000-0000-4000-8000-00000000000a");

	public static final UUID PARTNER_B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

	public static final TestUser ADMIN = TestUser.of("t-admin", "admin");

	public static final TestUser MANAGER = TestUser.of("t-manager", "sales_manager");

	public static final TestUser REP = TestUser.of("t-rep", "sales_rep");

	public static final TestUser REP_SAME_TEAM = TestUser.of("t-rep-2", "sales_rep");

	public static final TestUser REP_OTHER_TEAM = TestUser.of("t-rep-3", "sales_rep");

	public static final TestUser OTHER_MANAGER = TestUser.of("t-manager-2", "sales_manager");

	public static final TestUser ACCOUNTANT = TestUser.of("t-accountant", "accountant");

	/** Plans projects and reads everything. */
	public static final TestUser PROJECT_MANAGER = TestUser.of("t-pm", "project_manager");

	public static final TestUser PARTNER_A_USER = new TestUser("t-partner-a", "Anna of A", List.of("partner_user"),
			PARTNER_A, List.of());

	public static final TestUser PARTNER_B_USER = new TestUser("t-partner-b", "Bob of B", List.of("partner_user"),
			PARTNER_B, List.of());

	public static final TestUser INTEGRATION = new TestUser("t-integration", null, List.of("integration"), null,
			List.of("dealerdesk.read", "dealerdesk.write"));

	public static final TestUser READ_ONLY_INTEGRATION = new TestUser("t-reader", null, List.of("integration"), null,
			List.of("dealerdesk.read"));

	public static final TestUser NO_ROLE = new TestUser("t-nobody", "Nobody", List.of(), null, List.of());

	private TestPeople() {
	}

}
