package com.dealerdesk.mail;

import jakarta.validation.constraints.NotBlank;

/** The mutation inputs of the mail archive. */
final class MailInputs {

	private MailInputs() {
	}

	/**
	 * @param eml the .eml file, base64; its size is checked when decoding, for a clearer
	 * message than a length constraint
	 */
	record ImportMailInput(String customerId, @NotBlank String eml) {

	}

}
