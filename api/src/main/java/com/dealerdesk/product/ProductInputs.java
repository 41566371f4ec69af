package com.dealerdesk.product;

import java.math.BigDecimal;
import java.util.List;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.money.MoneyInput;
import com.dealerdesk.product.Product.LicenseModel;
import com.dealerdesk.product.Product.ProductKind;
import com.dealerdesk.product.Product.SeatBasis;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

final class ProductInputs {

	private ProductInputs() {
	}

	record CreateProductInput(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
			@Size(max = 5000) String description, @NotNull ProductKind kind, LicenseModel licenseModel,
			Integer termMonths, SeatBasis seatBasis, @Size(max = 50) List<@Valid ProductEditionInput> editions,
			@Size(max = 500) List<@Valid ProductPriceInput> prices) {

	}

	record UpdateProductInput(String id, Integer expectedVersion, @NotBlank @Size(max = 200) ArgumentValue<String> name,
			@Size(max = 5000) ArgumentValue<String> description, @NotNull ArgumentValue<LicenseModel> licenseModel,
			ArgumentValue<Integer> termMonths, ArgumentValue<SeatBasis> seatBasis,
			@NotNull @Size(max = 50) ArgumentValue<List<@Valid ProductEditionInput>> editions,
			@NotNull @Size(max = 500) ArgumentValue<List<@Valid ProductPriceInput>> prices) {

	}

	record ProductEditionInput(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
			Boolean active) {

	}

	record ProductPriceInput(@Size(max = 40) String editionCode, @Size(max = 40) String tier,
			@NotNull @Valid MoneyInput unitPrice) {

	}

	record ProductStateInput(String id, Integer expectedVersion) {

	}

	record ProductPayload(Product product, List<UserError> userErrors) {

	}

}
