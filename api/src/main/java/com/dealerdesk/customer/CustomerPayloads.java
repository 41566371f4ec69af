package com.dealerdesk.customer;

import java.util.List;

import com.dealerdesk.platform.error.UserError;

final class CustomerPayloads {

	private CustomerPayloads() {
	}

	record CustomerPayload(Customer customer, List<UserError> userErrors) {

		static CustomerPayload of(Customer customer) {
			return new CustomerPayload(customer, List.of());
		}

		static CustomerPayload failed(List<UserError> errors) {
			return new CustomerPayload(null, errors);
		}

	}

	record ContactPayload(Contact contact, List<UserError> userErrors) {

		static ContactPayload of(Contact contact) {
			return new ContactPayload(contact, List.of());
		}

		static ContactPayload failed(List<UserError> errors) {
			return new ContactPayload(null, errors);
		}

	}

	record RemoveContactPayload(String removedContactId, Customer customer, List<UserError> userErrors) {

		static RemoveContactPayload failed(List<UserError> errors) {
			return new RemoveContactPayload(null, null, errors);
		}

	}

}
