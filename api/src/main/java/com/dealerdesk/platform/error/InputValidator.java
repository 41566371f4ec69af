package com.dealerdesk.platform.error;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Component;

/**
 * Checks mutation inputs before anything touches the database: the Bean Validation
 * constraints declared on the input records, and, for every string anywhere in the bound
 * input (record components, lists, nested records, {@link ArgumentValue}s), that it holds
 * no control characters (which PostgreSQL rejects or which would corrupt exports).
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
	 * @param root the argument name, first element of every error path
	 */
	public List<UserError> validate(Object input, String root) {
		List<UserError> errors = new ArrayList<>();
		scanText(input, new ArrayList<>(List.of(root)), errors);
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
		else if (value instanceof ArgumentValue<?> argument) {
			scanText(argument.value(), path, errors);
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				scanNested(String.valueOf(i), list.get(i), path, errors);
			}
		}
		else if (value instanceof Record record) {
			// input records name their components as the schema names the fields
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				scanNested(component.getName(), read(component, record), path, errors);
			}
		}
	}

	private static void scanNested(String name, Object value, List<String> path, List<UserError> errors) {
		path.add(name);
		scanText(value, path, errors);
		path.remove(path.size() - 1);
	}

	private static Object read(RecordComponent component, Record record) {
		Method accessor = component.getAccessor();
		// the input records are package-private in their features
		accessor.trySetAccessible();
		try {
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component + " of an input", ex);
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
