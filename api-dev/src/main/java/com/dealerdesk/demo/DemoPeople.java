package com.dealerdesk.demo;

import java.util.List;
import java.util.UUID;

/**
 * The people and partners of the demo data set, shared by the development identity
 * provider (who can log in, with which claims) and the demo data (who manages whom, which
 * partner). Every demo user's password is {@value #PASSWORD}.
 */
public final class DemoPeople {

	public static final String PASSWORD = "demo";

	public static final UUID NORTHWIND = UUID.fromString("6f1c2a3e-0000-4000-8000-000000000001");

	public static final UUID BALTIC_SOFT = UUID.fromString("6f1c2a3e-0000-4000-8000-000000000002");

	/** A sub-dealer of Northwind: Northwind's users see its business, not the reverse. */
	public static final UUID ALPENLAND = UUID.fromString("6f1c2a3e-0000-4000-8000-000000000003");

	public static final List<DemoPartner> PARTNERS = List.of(
			new DemoPartner(NORTHWIND, "Northwind Software GmbH", "Northwind Software GmbH", "DE", null),
			new DemoPartner(BALTIC_SOFT, "Baltic Soft SIA", "SIA Baltic Soft", "LV", null),
			new DemoPartner(ALPENLAND, "Alpenland CAD Service", "Alpenland CAD Service GmbH", "AT", NORTHWIND));

	public static final List<DemoUser> USERS = List.of(
			new DemoUser("admin", "Ada Admin", "admin@dealerdesk.example", List.of("admin"), null, null),
			new DemoUser("manager", "Maria Manager", "maria@dealerdesk.example", List.of("sales_manager"), null, null),
			new DemoUser("rep", "Rafael Rep", "rafael@dealerdesk.example", List.of("sales_rep"), "manager", null),
			new DemoUser("rep2", "Renata Rep", "renata@dealerdesk.example", List.of("sales_rep"), "manager", null),
			new DemoUser("accountant", "Arne Accountant", "arne@dealerdesk.example", List.of("accountant"), null, null),
			new DemoUser("pm", "Priya Projects", "priya@dealerdesk.example", List.of("project_manager"), null, null),
			new DemoUser("channel", "Chiara Channel", "chiara@dealerdesk.example", List.of("channel_manager"), null,
					null),
			new DemoUser("partner", "Paula Partner", "paula@northwind.example", List.of("partner_user"), null,
					NORTHWIND),
			new DemoUser("partner2", "Piotr Partner", "piotr@balticsoft.example", List.of("partner_user"), null,
					BALTIC_SOFT),
			new DemoUser("subpartner", "Stefan Sub", "stefan@alpenland-cad.example", List.of("partner_user"), null,
					ALPENLAND));

	private DemoPeople() {
	}

	public record DemoPartner(UUID id, String name, String legalName, String country, UUID parentId) {

	}

	public record DemoUser(String username, String name, String email, List<String> roles, String managerUsername,
			UUID partnerId) {

	}

}
