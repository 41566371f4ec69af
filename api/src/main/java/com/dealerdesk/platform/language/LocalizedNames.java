package com.dealerdesk.platform.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names an admin gave a piece of master data per language, stored as a JSON object
 * ({@code {"ru": "...", "zh-CN": "..."}}) beside its default name.
 */
public record LocalizedNames(Map<String, String> byLanguage) {

	public static final LocalizedNames NONE = new LocalizedNames(Map.of());

	private static final TypeReference<Map<String, String>> JSON_OBJECT = new TypeReference<>() {
	};

	/**
	 * The name in {@code language}, else the default name (also without a language: a
	 * query run in-process, not over HTTP).
	 */
	public String in(String language, String defaultName) {
		return language == null ? defaultName : this.byLanguage.getOrDefault(language, defaultName);
	}

	/** For editing, in the order of {@link Languages#SUPPORTED}. */
	public List<LocalizedName> list() {
		return Languages.SUPPORTED.stream()
			.filter(this.byLanguage::containsKey)
			.map(language -> new LocalizedName(language, this.byLanguage.get(language)))
			.toList();
	}

	public static LocalizedNames fromJson(JsonMapper json, String text) {
		return text == null ? NONE : new LocalizedNames(Map.copyOf(json.readValue(text, JSON_OBJECT)));
	}

	public String toJson(JsonMapper json) {
		return json.writeValueAsString(this.byLanguage);
	}

	/**
	 * The sent names, stripped, or {@code null} when none were sent. A language we do not
	 * speak, or the same language twice, is a user error at its position under
	 * {@code field}; blank names and lengths are checked by the input's constraints.
	 */
	public static LocalizedNames of(List<LocalizedNameInput> sent, List<UserError> errors, String... field) {
		if (sent == null) {
			return null;
		}
		Map<String, String> byLanguage = new LinkedHashMap<>();
		for (int i = 0; i < sent.size(); i++) {
			LocalizedNameInput name = sent.get(i);
			if (name == null || name.language() == null || name.name() == null) {
				continue;
			}
			if (!Languages.SUPPORTED.contains(name.language())) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"Must be one of " + String.join(", ", Languages.SUPPORTED) + ".", path(field, i, "language")));
			}
			else if (byLanguage.putIfAbsent(name.language(), name.name().strip()) != null) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "This language has a name already.",
						path(field, i, "language")));
			}
		}
		return new LocalizedNames(Map.copyOf(byLanguage));
	}

	private static String[] path(String[] field, int index, String leaf) {
		List<String> path = new ArrayList<>(List.of(field));
		path.add(String.valueOf(index));
		path.add(leaf);
		return path.toArray(String[]::new);
	}

}
