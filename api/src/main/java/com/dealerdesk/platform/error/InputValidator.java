package com.dealerdesk.platform.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks mutation inputs before anything touches the database: the Bean Validation
 * constraints declared on the input records, and, for every string anywhere in the raw
 * input, that it holds no control characters (which PostgreSQL rejects or which would
 * corrupt exports).
 */
@Component
public class InputValidator {

	private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	private final Validator validator;

	InputValidator(Validator validator) {
		this.validator = validator;
	}

	/**
	 * @param input the bound input record
	 * @param rawInput the input as the client sent it (argument map), to scan every
	 * string
	 * @param root the argument name, first element of every error path
	 */
	public List<UserError> validate(Object input, Object rawInput, String root) {
		List<UserError> errors = new ArrayList<>();
		scanText(rawInput, new ArrayList<>(List.of(root)), errors);
		this.validator.validate(input)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.map(violation -> toUserError(violation, root))
			.filter(error -> errors.stream().noneMatch(existing -> existing.field().equals(error.field())))
			.forEach(errors::add);
		return errors;
	}

	private static void scanText(Object value, List<String> path, List<UserError> errors) {
		if (value instanceof String text && CONTROL_CHARACTERS.matcher(text).find()) {
			errors.add(new UserError(List.copyOf(path), UserErrorCode.INVALID_FORMAT,
					"Must not contain control characters."));
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, nested) -> {
				path.add(String.valueOf(key));
				scanText(nested, path, errors);
				path.remove(path.size() - 1);
			});
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				path.add(String.valueOf(i));
				scanText(list.get(i), path, errors);
				path.remove(path.size() - 1);
			}
		}
	}

	private static UserError toUserError(ConstraintViolation<?> violation, String root) {
		List<String> field = new ArrayList<>();
		field.add(root);
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.isInIterable() && node.getIndex() != null) {
				field.add(String.valueOf(node.getIndex()));
			}
			if (node.getName() != null && !node.getName().startsWith("<")) {
				field.add(node.getName());
			}
		}
		String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		UserErrorCode code = switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> UserErrorCode.REQUIRED;
			case "Size", "Max" -> UserErrorCode.TOO_LONG;
			case "Email", "Pattern" -> UserErrorCode.INVALID_FORMAT;
			default -> UserErrorCode.INVALID_VALUE;
		};
		String message = switch (code) {
			case REQUIRED -> "Is required.";
			case TOO_LONG -> "Is too long: " + violation.getMessage() + ".";
			case INVALID_FORMAT -> "Has an invalid format: " + violation.getMessage() + ".";
			default -> violation.getMessage() + ".";
		};
		return new UserError(List.copyOf(field), code, capitalize(message));
	}

	private static String capitalize(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

}
