package com.dealerdesk.customer;

import java.util.List;

import com.dealerdesk.platform.error.UserError;

final class CustomerPayloads {

	private CustomerPayloads() {
	}

	record CustomerPayload(Customer customer, List<UserError> userErrors) {

	}

	record ContactPayload(Contact contact, List<UserError> userErrors) {

	}

	record RemoveContactPayload(String removedContactId, Customer customer, List<UserError> userErrors) {

		static RemoveContactPayload failed(List<UserError> errors) {
			return new RemoveContactPayload(null, null, errors);
		}

	}

}
