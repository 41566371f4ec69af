package com.dealerdesk.platform.money;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The GraphQL {@code MoneyInput}: checked into {@link Money} with {@link Money#checked}.
 */
public record MoneyInput(@NotNull BigDecimal amount, @NotBlank @Size(max = 3) String currency) {

}
