package com.dealerdesk.bench.data;

/**
 * Words the generated names are made of, in English (and German), Russian and Chinese,
 * each with the Latin key that the API's CustomerKeys gives it (BGN/PCGN for Russian,
 * pinyin for Chinese), so that customer.name_key can be filled without ICU.
 */
final class Vocabulary {

	private Vocabulary() {
	}

	/** A word and its Latin key. */
	record Word(String text, String key) {
	}

	enum Language {

		EN, RU, ZH

	}

	static final Word[] LATIN_PREFIXES = words("Acme", "Nord", "Blue River", "Atlas", "Helix", "Alpine", "Baltic",
			"Summit", "Vector", "Orion", "Polar", "Granite", "Crest", "Meridian", "Pioneer", "Harbor", "Silverline",
			"Keystone", "Redwood", "Falcon", "Südwind", "Lumen", "Quantum", "Evergreen");

	static final Word[] LATIN_CORES = words("Engineering", "Logistics", "Software", "Construction", "Foods", "Energy",
			"Systems", "Manufacturing", "Design", "Consulting", "Machinery", "Retail", "Media", "Analytics", "Robotics",
			"Textiles");

	static final String[] LATIN_FORMS = { "GmbH", "Ltd", "Inc.", "AG", "LLC", "S.A.", "B.V." };

	static final Word[] RU_PREFIXES = { new Word("Север", "sever"), new Word("Восток", "vostok"),
			new Word("Альфа", "alfa"), new Word("Вектор", "vektor"), new Word("Гранит", "granit"),
			new Word("Орион", "orion"), new Word("Меридиан", "meridian"), new Word("Сокол", "sokol"),
			new Word("Радуга", "raduga"), new Word("Кристалл", "kristall"), new Word("Омега", "omega"),
			new Word("Титан", "titan") };

	static final Word[] RU_CORES = { new Word("Строй", "stroy"), new Word("Логистик", "logistik"),
			new Word("Софт", "soft"), new Word("Пром", "prom"), new Word("Инвест", "invest"),
			new Word("Маркет", "market"), new Word("Сервис", "servis"), new Word("Торг", "torg") };

	static final String[] RU_FORMS = { "ООО", "АО", "ПАО" };

	static final Word[] ZH_CITIES = { new Word("北京", "beijing"), new Word("上海", "shanghai"), new Word("深圳", "shenzhen"),
			new Word("广州", "guangzhou"), new Word("成都", "chengdu"), new Word("杭州", "hangzhou") };

	static final Word[] ZH_PREFIXES = { new Word("华光", "huaguang"), new Word("创新", "chuangxin"),
			new Word("东方", "dongfang"), new Word("天宇", "tianyu"), new Word("金桥", "jinqiao"), new Word("星辰", "xingchen"),
			new Word("恒信", "hengxin"), new Word("中科", "zhongke"), new Word("海文", "haiwen"), new Word("博远", "boyuan") };

	static final Word[] ZH_CORES = { new Word("科技", "keji"), new Word("软件", "ruanjian"), new Word("工程", "gongcheng"),
			new Word("物流", "wuliu"), new Word("能源", "nengyuan"), new Word("信息", "xinxi") };

	static final String[] ZH_FORMS = { "有限公司", "股份有限公司" };

	static final Word[] EN_FIRST = words("Anna", "John", "Maria", "Peter", "Laura", "David", "Sophie", "Thomas", "Emma",
			"Michael", "Julia", "Lukas");

	static final Word[] EN_LAST = words("Schmidt", "Miller", "Weber", "Fischer", "Brown", "Taylor", "Wagner", "Becker",
			"Clarke", "Hoffmann", "Novak", "Martin");

	/** Russian first and last names by gender: same index, same gender. */
	static final Word[] RU_FIRST = { new Word("Иван", "ivan"), new Word("Анна", "anna"), new Word("Сергей", "sergey"),
			new Word("Ольга", "olga"), new Word("Дмитрий", "dmitriy"), new Word("Елена", "elena"),
			new Word("Алексей", "aleksey"), new Word("Мария", "mariya") };

	static final Word[] RU_LAST = { new Word("Петров", "petrov"), new Word("Иванова", "ivanova"),
			new Word("Смирнов", "smirnov"), new Word("Кузнецова", "kuznetsova"), new Word("Попов", "popov"),
			new Word("Соколова", "sokolova"), new Word("Лебедев", "lebedev"), new Word("Новикова", "novikova") };

	static final Word[] ZH_FIRST = { new Word("伟", "wei"), new Word("芳", "fang"), new Word("娜", "na"),
			new Word("敏", "min"), new Word("静", "jing"), new Word("磊", "lei"), new Word("洋", "yang"),
			new Word("勇", "yong") };

	static final Word[] ZH_LAST = { new Word("王", "wang"), new Word("李", "li"), new Word("张", "zhang"),
			new Word("刘", "liu"), new Word("陈", "chen"), new Word("杨", "yang") };

	static final String[] JOB_TITLES = { "CEO", "CTO", "Head of IT", "Purchasing manager", "Chief engineer",
			"Accountant", "Project manager", "CAD administrator" };

	static final String[] CONTACT_ROLES = { "DECISION_MAKER", "INFLUENCER", "TECHNICAL", "PURCHASING", "BILLING",
			"END_USER" };

	static final String[] EN_REGIONS = { "Germany", "Austria", "Switzerland", "UK", "USA", "France", "Poland",
			"Netherlands" };

	static final String[] RU_REGIONS = { "Russia", "Kazakhstan", "Latvia" };

	static final String[] ZH_REGIONS = { "China" };

	static final String[] INDUSTRIES = { "Manufacturing", "Logistics", "Software", "Construction", "Retail", "Energy",
			"Engineering", "Education" };

	static final String[] SIZES = { "MICRO", "SMALL", "SMALL", "MEDIUM", "MEDIUM", "LARGE", "ENTERPRISE" };

	static final String[] TAGS = { "cad", "erp", "bim", "scada", "cloud", "key-account", "reseller-lead" };

	static final String[] SOURCE_CHANNELS = { "PHONE", "EXHIBITION", "WEB", "REFERRAL", "CAMPAIGN", "PARTNER",
			"OTHER" };

	static final String[] ACTIVITY_KINDS = { "CALL", "MEETING", "DEMO", "VISIT", "EMAIL", "TASK" };

	static final String[] ACTIVITY_SUBJECTS = { "Introductory call", "Follow-up on the offer", "Product demo",
			"On-site visit", "Sent the price list", "Prepare the renewal", "Training session", "Support question",
			"Discuss the upgrade", "Invoice question" };

	static final String[] OUTCOMES = { "Interested", "Call back next month", "Wants a quote", "No answer",
			"Decision postponed", null };

	private static Word[] words(String... texts) {
		Word[] words = new Word[texts.length];
		for (int k = 0; k < texts.length; k++) {
			words[k] = new Word(texts[k], latin(texts[k]));
		}
		return words;
	}

	/**
	 * The Latin key of a Latin-script word: lower case, accents folded, letters and
	 * digits.
	 */
	static String latin(String text) {
		String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT);
		return folded.replaceAll("[^a-z0-9]", "");
	}

}
