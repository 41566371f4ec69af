package com.dealerdesk.platform.graphql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans the messages graphql-java writes about bad documents and variables of what a
 * client should not see: its syntax tree printed as Java objects
 * ({@code 'IntValue{value=1}'}), the names of those classes ("Expected an AST type of
 * 'IntValue' but it was a 'StringValue'") and the Java class of a value that did not fit
 * ("but it was a 'LinkedHashMap'"). What the client sent and what the schema expects
 * stay.
 */
final class ErrorMessages {

	/** A literal printed as a Java object: its value is what the client wrote. */
	private static final Pattern LITERAL = Pattern
		.compile("\\b(?:Int|Float|String|Boolean|Enum)Value\\{(?:value|name)=([^{}]*)\\}");

	private static final Pattern NULL_LITERAL = Pattern.compile("\\bNullValue\\{\\}");

	/** Lists and objects printed as Java objects: too long to rewrite, so left out. */
	private static final Pattern COMPOSITE = Pattern
		.compile(" with value '[A-Z]\\w*(?:Value|Field)\\{.*?\\}'(?= is not)");

	/** The explanation in syntax tree class names that follows " - ". */
	private static final Pattern AST_EXPLANATION = Pattern.compile(" - Expected (?:an )?AST type[^.]*\\.?");

	/** "but it was a 'java.util.LinkedHashMap'", "but was 'Integer'". */
	private static final Pattern JAVA_TYPE = Pattern
		.compile("(but (?:it )?was (?:an? )?)'(?:[a-z]\\w*\\.)*(?:LinkedHashMap|HashMap|ArrayList|List|Map|"
				+ "BigInteger|BigDecimal|Integer|Long|Double|Float|Boolean|String|Character|LocalDate|"
				+ "OffsetDateTime|[A-Z]\\w*Value)'");

	/** A fully qualified Java class name. */
	private static final Pattern QUALIFIED = Pattern.compile("'(?:java|javax|jakarta|graphql)\\.[\\w.$]+'");

	private ErrorMessages() {
	}

	static String clean(String message) {
		if (message == null) {
			return "Error.";
		}
		String clean = LITERAL.matcher(message).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
		clean = NULL_LITERAL.matcher(clean).replaceAll("null");
		clean = COMPOSITE.matcher(clean).replaceAll("");
		clean = AST_EXPLANATION.matcher(clean).replaceAll("");
		clean = JAVA_TYPE.matcher(clean).replaceAll("$1a value of another type");
		return QUALIFIED.matcher(clean).replaceAll("'the expected type'");
	}

}
