package com.dealerdesk.platform.language;

/** A name in one language, as the schema's {@code LocalizedName}. */
public record LocalizedName(String language, String name) {

}
