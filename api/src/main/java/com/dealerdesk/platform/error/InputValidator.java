package com.dealerdesk.platform.error;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

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
	 * All problems found, each at its path. A list longer than its {@code @Size} gets one
	 * {@code TOO_LONG} and its entries are not reported on (20,000 bad ids give one
	 * error, not 20,001); the input is then refused at once: the call throws
	 * {@link UserErrorsException} with what it found, so the caller's own per-entry
	 * checks never run on an oversized list.
	 * @param input the bound input record
	 * @param root the argument name, first element of every error path
	 * @return the problems found, for the caller to add its own to
	 */
	public List<UserError> validate(Object input, String root) {
		List<UserError> oversized = new ArrayList<>();
		Object checked = withoutOversizedLists(input, new ArrayList<>(List.of(root)), oversized);
		Set<List<String>> skipped = oversized.stream().map(UserError::field).collect(Collectors.toSet());
		List<UserError> errors = new ArrayList<>(oversized);
		// the oversized lists are empty in what is checked: their entries are not scanned
		scanText(checked, new ArrayList<>(List.of(root)), errors);
		Set<List<String>> reported = errors.stream()
			.map(UserError::field)
			.collect(Collectors.toCollection(HashSet::new));
		this.validator.validate(checked)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.map(violation -> toUserError(violation, root))
			.filter(error -> !under(error.field(), skipped) && reported.add(error.field()))
			.forEach(errors::add);
		if (!oversized.isEmpty()) {
			throw new UserErrorsException(errors);
		}
		return errors;
	}

	/** Whether {@code field} is one of {@code lists} or inside one of them. */
	private static boolean under(List<String> field, Set<List<String>> lists) {
		for (int length = field.size(); length > 0 && !lists.isEmpty(); length--) {
			if (lists.contains(field.subList(0, length))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The input record with every list over its cap (from the Bean Validation metadata)
	 * emptied, so that validation never walks its entries; records one {@code TOO_LONG}
	 * per such list. Records and lists without one are returned as they are.
	 */
	private Object withoutOversizedLists(Object bean, List<String> path, List<UserError> errors) {
		if (bean == null || !bean.getClass().isRecord()) {
			return bean;
		}
		RecordComponent[] components = bean.getClass().getRecordComponents();
		Object[] values = new Object[components.length];
		boolean changed = false;
		for (int i = 0; i < components.length; i++) {
			Object value = read(components[i], bean);
			// a field of a partial update holds its value in an ArgumentValue
			Object sent = value instanceof ArgumentValue<?> argument ? argument.value() : value;
			path.add(components[i].getName());
			Object checked = sent;
			if (sent instanceof List<?> list) {
				OptionalInt max = maxSize(bean.getClass(), components[i].getName());
				if (max.isPresent() && list.size() > max.getAsInt()) {
					errors.add(new UserError(List.copyOf(path), UserErrorCode.TOO_LONG,
							"At most " + max.getAsInt() + " entries, not " + list.size() + "."));
					checked = List.of();
				}
				else {
					checked = withoutOversizedLists(list, path, errors);
				}
			}
			else {
				checked = withoutOversizedLists(sent, path, errors);
			}
			path.remove(path.size() - 1);
			values[i] = checked == sent ? value
					: value instanceof ArgumentValue<?> ? ArgumentValue.ofNullable(checked) : checked;
			changed |= checked != sent;
		}
		return changed ? construct(bean.getClass(), components, values) : bean;
	}

	private List<?> withoutOversizedLists(List<?> list, List<String> path, List<UserError> errors) {
		List<Object> checked = new ArrayList<>(list.size());
		boolean changed = false;
		for (int i = 0; i < list.size(); i++) {
			path.add(String.valueOf(i));
			Object element = withoutOversizedLists(list.get(i), path, errors);
			path.remove(path.size() - 1);
			checked.add(element);
			changed |= element != list.get(i);
		}
		return changed ? checked : list;
	}

	private static Object construct(Class<?> type, RecordComponent[] components, Object[] values) {
		try {
			Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
			Constructor<?> constructor = type.getDeclaredConstructor(types);
			constructor.setAccessible(true);
			return constructor.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot copy the input record " + type.getSimpleName(), ex);
		}
	}

	private OptionalInt maxSize(Class<?> type, String property) {
		PropertyDescriptor descriptor = this.validator.getConstraintsForClass(type).getConstraintsForProperty(property);
		if (descriptor == null) {
			return OptionalInt.empty();
		}
		// on the property, or inside ArgumentValue<@Size(...) List<...>> of a partial
		// update
		Stream<ConstraintDescriptor<?>> wrapped = descriptor.getConstrainedContainerElementTypes()
			.stream()
			.filter(element -> element.getContainerClass() == ArgumentValue.class)
			.flatMap(element -> element.getConstraintDescriptors().stream());
		return Stream.concat(descriptor.getConstraintDescriptors().stream(), wrapped)
			.filter(constraint -> constraint.getAnnotation() instanceof Size)
			.mapToInt(constraint -> ((Size) constraint.getAnnotation()).max())
			.min();
	}

	private static Object read(RecordComponent component, Object bean) {
		try {
			// input records are package-private in their features
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(bean);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component.getName() + " of an input record", ex);
		}
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
