package com.dealerdesk.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

/**
 * The mutation inputs of the customer area, with the limits that keep data sane. Strings
 * are trimmed before they are stored; update inputs declare their fields as
 * {@link ArgumentValue}s and change only the fields the client sent.
 */
final class CustomerInputs {

	static final String PHONE = "\\+?[0-9 ()./-]{3,40}";

	static final String PHONE_MESSAGE = "must be a phone number (digits, spaces and + ( ) - . /)";

	static final String EMAIL = ".+@[^@\\s]+\\.[^@\\s]+";

	static final String WEBSITE = "(?i)(https?://)?[\\p{L}0-9.-]+\\.[\\p{L}]{2,}(:[0-9]{1,5})?(/\\S*)?";

	static final String WEBSITE_MESSAGE = "must be a web address such as example.com or https://example.com";

	private CustomerInputs() {
	}

	record CreateCustomerInput(@NotBlank @Size(max = 200) String name, @Size(max = 300) String legalName,
			@Size(max = 50) String taxId, @Size(max = 100) String industry, @Size(max = 100) String region,
			CompanySize size, CustomerStatus status, String ownerId,
			@Size(max = 20) List<@NotBlank @Size(max = 50) String> tags, SourceChannel sourceChannel,
			@Size(max = 300) @Pattern(regexp = WEBSITE, message = WEBSITE_MESSAGE) String website,
			@Size(max = 254) @Email(regexp = EMAIL) String email,
			@Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
			@Size(max = 500) String address, @Size(max = 10000) String notes,
			@Size(max = 50) List<@NotNull @Valid ContactInput> contacts, String sourceCampaignId) {

	}

	record UpdateCustomerInput(String id, Integer expectedVersion,
			@NotBlank @Size(max = 200) ArgumentValue<String> name, @Size(max = 300) ArgumentValue<String> legalName,
			@Size(max = 50) ArgumentValue<String> taxId, @Size(max = 100) ArgumentValue<String> industry,
			@Size(max = 100) ArgumentValue<String> region, ArgumentValue<CompanySize> size,
			@NotNull ArgumentValue<CustomerStatus> status, @NotBlank ArgumentValue<String> ownerId,
			@Size(max = 50) ArgumentValue<List<@NotNull String>> sharedWithIds,
			@Size(max = 20) ArgumentValue<List<@NotBlank @Size(max = 50) String>> tags,
			ArgumentValue<SourceChannel> sourceChannel,
			@Size(max = 300) @Pattern(regexp = WEBSITE, message = WEBSITE_MESSAGE) ArgumentValue<String> website,
			@Size(max = 254) @Email(regexp = EMAIL) ArgumentValue<String> email,
			@Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) ArgumentValue<String> phone,
			@Size(max = 500) ArgumentValue<String> address, @Size(max = 10000) ArgumentValue<String> notes,
			ArgumentValue<String> sourceCampaignId) {

	}

	/** Input of archive and restore. */
	record CustomerVersionInput(String id, Integer expectedVersion) {

	}

	record ContactInput(@Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
			@Size(max = 150) String jobTitle, @Size(max = 10) List<@NotNull ContactRole> roles,
			@Size(max = 10) List<@NotBlank @Size(max = 254) @Email(regexp = EMAIL) String> emails,
			@Size(max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = PHONE,
					message = PHONE_MESSAGE) String> phones,
			@Size(max = 5000) String notes) {

	}

	record AddContactInput(String customerId, @NotNull @Valid ContactInput contact) {

	}

	record UpdateContactInput(String id, Integer expectedVersion, @Size(max = 100) ArgumentValue<String> firstName,
			@NotBlank @Size(max = 100) ArgumentValue<String> lastName, @Size(max = 150) ArgumentValue<String> jobTitle,
			@Size(max = 10) ArgumentValue<List<@NotNull ContactRole>> roles,
			@Size(max = 10) ArgumentValue<List<@NotBlank @Size(max = 254) @Email(regexp = EMAIL) String>> emails,
			@Size(max = 10) ArgumentValue<List<@NotBlank @Size(max = 40) @Pattern(regexp = PHONE,
					message = PHONE_MESSAGE) String>> phones,
			@Size(max = 5000) ArgumentValue<String> notes) {

	}

	/** Input of removeContact. */
	record ContactVersionInput(String id, Integer expectedVersion) {

	}

}
