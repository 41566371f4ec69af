package com.dealerdesk.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo customers: a dealer's mix of countries, languages, sizes and stages. */
final class DemoCustomers {

	static final List<DemoCustomer> ALL = List.of(
			customer("rep", "Acme Engineering", "Acme Engineering Ltd", "GB123456789", "Manufacturing", "UK", "MEDIUM",
					"CUSTOMER", List.of("cad", "key-account"), "EXHIBITION",
					contact("John", "Smith", "CTO", "DECISION_MAKER", "john.smith@acme.example", "+44 20 7946 0001"),
					contact("Emma", "Clark", "IT administrator", "TECHNICAL", "emma.clark@acme.example",
							"+44 20 7946 0002")),
			customer("rep", "Blue River Logistics", "Blue River Logistics LLC", "US-44-1234567", "Logistics", "USA",
					"LARGE", "CANDIDATE", List.of("erp"), "WEB",
					contact("Michael", "Brown", "Head of IT", "DECISION_MAKER", "m.brown@blueriver.example",
							"+1 312 555 0101")),
			customer("rep", "Müller Maschinenbau", "Müller Maschinenbau GmbH", "DE811234567", "Manufacturing",
					"Germany", "MEDIUM", "CUSTOMER", List.of("cad", "renewal-2027"), "REFERRAL",
					contact("Jürgen", "Müller", "Geschäftsführer", "DECISION_MAKER", "j.mueller@mueller-mb.example",
							"+49 711 123456"),
					contact("Sabine", "Weiß", "Einkauf", "PURCHASING", "s.weiss@mueller-mb.example", "+49 711 123457")),
			customer("rep", "Северсталь-Проект", "ООО «Северсталь-Проект»", "7701234567", "Construction", "Russia",
					"LARGE", "PROSPECT", List.of("bim"), "EXHIBITION",
					contact("Иван", "Петров", "Главный инженер", "TECHNICAL", "petrov@severproekt.example",
							"+7 495 123-45-67"),
					contact("Ольга", "Смирнова", "Директор по закупкам", "PURCHASING", "smirnova@severproekt.example",
							"+7 495 123-45-68")),
			customer("rep", "上海华光软件", "上海华光软件有限公司", "91310000MA1K4XXXX", "Software", "China", "SMALL", "CANDIDATE",
					List.of("reseller-lead"), "CAMPAIGN",
					contact("伟", "王", "技术总监", "TECHNICAL", "wang.wei@huaguang.example", "+86 21 5555 0101")),
			customer("rep", "Nordic Health Clinics", "Nordic Health Clinics AB", "SE556677889901", "Healthcare",
					"Sweden", "MEDIUM", "PROSPECT", List.of("gdpr"), "WEB",
					contact("Lars", "Andersson", "IT manager", "DECISION_MAKER", "lars.andersson@nordichealth.example",
							"+46 8 555 010 10")),
			customer("rep", "Café Lumière", "Café Lumière SARL", "FR40123456789", "Hospitality", "France", "MICRO",
					"LOST", List.of("pos"), "PHONE",
					contact("Claire", "Dubois", "Gérante", "DECISION_MAKER", "claire@cafelumiere.example",
							"+33 1 23 45 67 89")),
			customer("rep", "Orbital Robotics", "Orbital Robotics Inc.", "US-47-7654321", "Manufacturing", "USA",
					"SMALL", "CANDIDATE", List.of("cad", "trial"), "WEB",
					contact("Priya", "Natarajan", "Lead engineer", "TECHNICAL", "priya@orbital.example",
							"+1 408 555 0199")),
			customer("rep", "Красный Октябрь Строй", "АО «Красный Октябрь Строй»", "7812345678", "Construction",
					"Russia", "ENTERPRISE", "CUSTOMER", List.of("bim", "key-account"), "REFERRAL",
					contact("Алексей", "Кузнецов", "ИТ-директор", "DECISION_MAKER", "kuznetsov@ko-stroy.example",
							"+7 812 555-01-01")),
			customer("rep", "深圳创新电子", "深圳创新电子科技有限公司", "91440300MA5XXXXX", "Electronics", "China", "LARGE", "PROSPECT",
					List.of("erp"), "EXHIBITION",
					contact("娜", "李", "采购经理", "PURCHASING", "li.na@cxdz.example", "+86 755 8888 0101"),
					contact("强", "张", "工程师", "END_USER", "zhang.qiang@cxdz.example", "+86 755 8888 0102")),
			customer("rep", "Greenfield Farms Co-op", "Greenfield Farms Cooperative", "CA-123456789", "Agriculture",
					"Canada", "SMALL", "PROSPECT", List.of(), "PHONE",
					contact("Sarah", "Miller", "Office manager", "BILLING", "sarah@greenfield.example",
							"+1 306 555 0142")),
			customer("rep", "Helvetia Precision", "Helvetia Precision AG", "CHE-123.456.789", "Manufacturing",
					"Switzerland", "MEDIUM", "CUSTOMER", List.of("cad", "renewal-2027"), "PARTNER",
					contact("Marco", "Rossi", "CAD lead", "TECHNICAL", "m.rossi@helvetia-precision.example",
							"+41 44 555 01 01")),
			customer("rep2", "Atlas Architects", "Atlas Architects LLP", "GB987654321", "Architecture", "UK", "SMALL",
					"CUSTOMER", List.of("bim"), "REFERRAL",
					contact("Olivia", "Taylor", "Partner", "DECISION_MAKER", "olivia@atlas-arch.example",
							"+44 161 555 0100")),
			customer("rep2", "Pacific Foods", "Pacific Foods Pty Ltd", "AU51824753556", "Food", "Australia", "LARGE",
					"CANDIDATE", List.of("erp", "key-account"), "CAMPAIGN",
					contact("Jack", "Wilson", "CIO", "DECISION_MAKER", "jack.wilson@pacificfoods.example",
							"+61 2 5550 1234")),
			customer("rep2", "Волга Энерго", "ПАО «Волга Энерго»", "6312345678", "Energy", "Russia", "ENTERPRISE",
					"PROSPECT", List.of("scada"), "EXHIBITION",
					contact("Дмитрий", "Соколов", "Начальник отдела АСУ", "TECHNICAL", "sokolov@volga-energo.example",
							"+7 846 555-10-10")),
			customer("rep2", "北京智云科技", "北京智云科技有限公司", "91110108MA0XXXXX", "Software", "China", "MEDIUM", "CUSTOMER",
					List.of("cloud"), "WEB",
					contact("敏", "刘", "总经理", "DECISION_MAKER", "liu.min@zhiyun.example", "+86 10 6666 0101")),
			customer("rep2", "Iberia Textiles", "Iberia Textiles S.L.", "ESB12345678", "Textiles", "Spain", "MEDIUM",
					"LOST", List.of("erp"), "PHONE",
					contact("Lucía", "García", "Directora financiera", "BILLING", "lucia.garcia@iberiatex.example",
							"+34 91 555 01 01")),
			customer("rep2", "Kowalski Transport", "Kowalski Transport Sp. z o.o.", "PL5261234567", "Logistics",
					"Poland", "SMALL", "CANDIDATE", List.of("fleet"), "REFERRAL",
					contact("Piotr", "Kowalski", "Właściciel", "DECISION_MAKER", "piotr@kowalski-transport.example",
							"+48 22 555 01 01")),
			customer("rep2", "Summit Legal Partners", "Summit Legal Partners LLP", "US-13-2468101", "Legal", "USA",
					"SMALL", "PROSPECT", List.of("dms"), "WEB",
					contact("Rachel", "Green", "Office administrator", "END_USER", "rachel@summitlegal.example",
							"+1 212 555 0177")),
			customer("rep2", "Tokyo Precision Tools", "東京精密工具株式会社", "JP1234567890123", "Manufacturing", "Japan",
					"LARGE", "CANDIDATE", List.of("cad"), "EXHIBITION",
					contact("Haruto", "Sato", "Engineering manager", "TECHNICAL", "sato@tpt.example",
							"+81 3 5555 0101")),
			customer("manager", "Global Retail Group", "Global Retail Group plc", "GB555666777", "Retail", "UK",
					"ENTERPRISE", "CUSTOMER", List.of("erp", "key-account"), "REFERRAL",
					contact("William", "Jones", "Group CIO", "DECISION_MAKER", "w.jones@globalretail.example",
							"+44 20 7946 0900"),
					contact("Sophie", "Evans", "Procurement lead", "PURCHASING", "s.evans@globalretail.example",
							"+44 20 7946 0901")),
			customer("manager", "Stadtwerke Lindenau", "Stadtwerke Lindenau GmbH", "DE298765432", "Utilities",
					"Germany", "LARGE", "CANDIDATE", List.of("scada", "public-sector"), "CAMPAIGN",
					contact("Katrin", "Schulz", "Leiterin IT", "DECISION_MAKER", "k.schulz@sw-lindenau.example",
							"+49 341 555 0101")),
			customer("manager", "Уральский Металл", "ООО «Уральский Металл»", "6671234567", "Metals", "Russia", "LARGE",
					"CUSTOMER", List.of("erp"), "PARTNER",
					contact("Сергей", "Волков", "Финансовый директор", "BILLING", "volkov@uralmet.example",
							"+7 343 555-20-20")),
			customer("manager", "杭州绿色能源", "杭州绿色能源股份有限公司", "91330100MA2XXXXX", "Energy", "China", "MEDIUM", "PROSPECT",
					List.of("scada"), "EXHIBITION",
					contact("静", "陈", "信息部经理", "TECHNICAL", "chen.jing@hzgreen.example", "+86 571 8888 0101")),
			customer("partner", "Bergmann Elektrotechnik", "Bergmann Elektrotechnik KG", "DE334455667", "Electrical",
					"Germany", "SMALL", "CUSTOMER", List.of("cad"), "PARTNER",
					contact("Thomas", "Bergmann", "Inhaber", "DECISION_MAKER", "t.bergmann@bergmann-et.example",
							"+49 89 555 0101")),
			customer("partner", "Alpen Holzbau", "Alpen Holzbau GmbH", "ATU12345678", "Construction", "Austria",
					"SMALL", "CANDIDATE", List.of("bim"), "PARTNER",
					contact("Anna", "Huber", "Projektleiterin", "TECHNICAL", "a.huber@alpenholzbau.example",
							"+43 512 555 0101")),
			customer("partner", "Rheinland Dental", "Rheinland Dental MVZ GmbH", "DE445566778", "Healthcare", "Germany",
					"MICRO", "PROSPECT", List.of(), "PARTNER",
					contact("Felix", "Wagner", "Praxismanager", "END_USER", "f.wagner@rheinland-dental.example",
							"+49 221 555 0101")),
			customer("subpartner", "Innsbrucker Planungsbüro", "Innsbrucker Planungsbüro OG", "ATU23456789",
					"Architecture", "Austria", "MICRO", "CUSTOMER", List.of("cad"), "PARTNER",
					contact("Lukas", "Egger", "Geschäftsführer", "DECISION_MAKER", "l.egger@ibk-planung.example",
							"+43 512 555 0202")),
			customer("subpartner", "Salzach Metallbau", "Salzach Metallbau GmbH", "ATU34567890", "Metalwork", "Austria",
					"SMALL", "PROSPECT", List.of("cad"), "PARTNER",
					contact("Maria", "Pichler", "Technische Leiterin", "TECHNICAL", "m.pichler@salzach-metall.example",
							"+43 662 555 0303")),
			customer("partner2", "Rīgas Būvnieks", "SIA Rīgas Būvnieks", "LV40003123456", "Construction", "Latvia",
					"MEDIUM", "CUSTOMER", List.of("bim"), "PARTNER",
					contact("Jānis", "Bērziņš", "Valdes loceklis", "DECISION_MAKER", "janis@rigasbuvnieks.example",
							"+371 6 555 0101")),
			customer("partner2", "Tallinn Tech Hub", "Tallinn Tech Hub OÜ", "EE101234567", "Software", "Estonia",
					"SMALL", "PROSPECT", List.of("cloud"), "PARTNER",
					contact("Kadri", "Tamm", "CTO", "TECHNICAL", "kadri@tth.example", "+372 555 0101")),
			customer("partner2", "Vilniaus Logistika", "UAB Vilniaus Logistika", "LT100001234567", "Logistics",
					"Lithuania", "MEDIUM", "CANDIDATE", List.of("fleet"), "PARTNER", contact("Tomas", "Kazlauskas",
							"IT vadovas", "DECISION_MAKER", "tomas@vlog.example", "+370 5 555 0101")));

	private DemoCustomers() {
	}

	record DemoCustomer(String owner, Map<String, Object> input) {

	}

	private static DemoCustomer customer(String owner, String name, String legalName, String taxId, String industry,
			String region, String size, String status, List<String> tags, String sourceChannel, Map<?, ?>... contacts) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("name", name);
		input.put("legalName", legalName);
		input.put("taxId", taxId);
		input.put("industry", industry);
		input.put("region", region);
		input.put("size", size);
		input.put("status", status);
		input.put("tags", tags);
		input.put("sourceChannel", sourceChannel);
		input.put("contacts", List.of(contacts));
		return new DemoCustomer(owner, input);
	}

	private static Map<String, Object> contact(String firstName, String lastName, String jobTitle, String role,
			String email, String phone) {
		return Map.of("firstName", firstName, "lastName", lastName, "jobTitle", jobTitle, "roles", List.of(role),
				"emails", List.of(email), "phones", List.of(phone));
	}

}
