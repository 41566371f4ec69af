package com.dealerdesk.mail;

import java.util.List;

import com.dealerdesk.platform.error.UserError;

final class MailPayloads {

	private MailPayloads() {
	}

	record ImportMailPayload(MailMessage mail, boolean alreadyImported, List<UserError> userErrors) {

		static ImportMailPayload of(MailService.Imported imported) {
			return new ImportMailPayload(imported.mail(), imported.alreadyImported(), List.of());
		}

		static ImportMailPayload failed(List<UserError> errors) {
			return new ImportMailPayload(null, false, errors);
		}

	}

}
