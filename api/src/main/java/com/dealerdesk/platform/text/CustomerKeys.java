package com.dealerdesk.platform.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

/**
 * The keys by which one organisation is recognised under different spellings (ADR 0027):
 * its tax id with the punctuation removed, its name transliterated to Latin and stripped
 * of legal forms, and the domain of its e-mail address. The customer feature stores the
 * name key with every customer; the channel feature compares a deal registration's keys
 * with them. Both must compute the keys here, or they stop matching.
 */
public final class CustomerKeys {

	/**
	 * Russian in the BGN/PCGN romanisation that English spellings follow (ш → sh, х →
	 * kh); then any other script by ICU's default (Chinese as pinyin); then accents
	 * removed.
	 */
	private static final String TO_LATIN = "Russian-Latin/BGN; Any-Latin; Latin-ASCII";

	/** Legal forms in the original script and in Latin, lower-case, as whole words. */
	private static final Set<String> LEGAL_FORMS = Set.of("llc", "ltd", "limited", "gmbh", "ag", "sia", "ooo", "zao",
			"ao", "oao", "pao", "ip", "sa", "srl", "bv", "nv", "inc", "incorporated", "corp", "corporation", "co",
			"company", "plc", "llp", "lp", "kg", "ug", "oy", "ab", "as", "sarl", "sas", "spa", "pte", "pty", "kft",
			"sro", "zoo", "tov", "too", "ооо", "зао", "ао", "оао", "пао", "ип", "тоо", "тов", "чп", "ук", "нко");

	/** Chinese legal forms, which are written without spaces: longest first. */
	private static final List<String> CHINESE_LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "集团公司", "公司");

	/** Mail services anyone can use: their domain says nothing about the organisation. */
	private static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com",
			"hotmail.com", "outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "proton.me",
			"protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "yandex.ru",
			"ya.ru", "yandex.com", "rambler.ru", "qq.com", "163.com", "126.com", "sina.com", "sohu.com", "foxmail.com",
			"yeah.net", "aliyun.com");

	private static final Transliterator LATIN = Transliterator.getInstance(TO_LATIN);

	/**
	 * A word in each script a customer's name is likely written in. ICU loads a script's
	 * rules from its jar the first time it meets the script: transliterating these once
	 * when the class loads (at startup, see {@link CustomerKeysAtStartup}) keeps that
	 * file reading off the event loop. A script not listed is loaded on first use.
	 */
	private static final List<String> SCRIPT_SAMPLES = List.of("Ромашка", "Ελλάδα", "北京有限公司", "東京", "ソフト", "ひらがな", "서울",
			"ბათუმი", "Երևան", "ไทย", "תל אביב", "دبي", "दिल्ली", "Müller");

	static {
		SCRIPT_SAMPLES.forEach(LATIN::transliterate);
	}

	private CustomerKeys() {
	}

	/** Loads the class, and with it the transliteration rules of the common scripts. */
	static void load() {
	}

	/**
	 * The name key: «ООО "Ромашка"», "Romashka LLC" and "ROMASHKA, ООО" all give
	 * {@code romashka}; 北京星辰科技有限公司 and "Beijing Xingchen Keji Co., Ltd." give
	 * {@code beijingxingchenkeji}. Null for a name without letters or digits.
	 */
	public static String name(String name) {
		if (name == null) {
			return null;
		}
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
		String original = withoutLegalForms(withoutChineseLegalForm(folded));
		String key = squeezed(withoutLegalForms(latin(original)));
		if (key.isEmpty()) {
			// the name is nothing but a legal form: keep it rather than match every such
			// name
			key = squeezed(latin(folded));
		}
		return key.isEmpty() ? null : key;
	}

	/** The tax id's letters and digits, lower-case; null when it has none. */
	public static String taxId(String taxId) {
		if (taxId == null) {
			return null;
		}
		// the same expression as the index customer_tax_id_key_idx
		String key = taxId.replaceAll("[^0-9A-Za-z]", "").toLowerCase(Locale.ROOT);
		return key.isEmpty() ? null : key;
	}

	/**
	 * The domain of an e-mail address or a domain as given, lower-case, without a leading
	 * {@code www.}; null when there is none.
	 */
	public static String emailDomain(String addressOrDomain) {
		if (addressOrDomain == null) {
			return null;
		}
		String domain = addressOrDomain.substring(addressOrDomain.lastIndexOf('@') + 1)
			.strip()
			.toLowerCase(Locale.ROOT);
		domain = domain.startsWith("www.") ? domain.substring(4) : domain;
		domain = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
		return domain.isEmpty() ? null : domain;
	}

	/** Whether the domain is a public mail service's, which matches nobody. */
	public static boolean isPublicMailDomain(String domain) {
		return domain != null && PUBLIC_MAIL_DOMAINS.contains(domain);
	}

	private static String latin(String text) {
		// a Transliterator is not safe for concurrent use
		synchronized (LATIN) {
			return LATIN.transliterate(text);
		}
	}

	private static String withoutChineseLegalForm(String name) {
		String stripped = name.strip();
		for (String form : CHINESE_LEGAL_FORMS) {
			if (stripped.endsWith(form) && stripped.length() > form.length()) {
				return stripped.substring(0, stripped.length() - form.length());
			}
		}
		return stripped;
	}

	private static String withoutLegalForms(String name) {
		List<String> words = new ArrayList<>();
		for (String word : name.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !LEGAL_FORMS.contains(word.toLowerCase(Locale.ROOT))) {
				words.add(word);
			}
		}
		return String.join(" ", words);
	}

	private static String squeezed(String latin) {
		return latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
