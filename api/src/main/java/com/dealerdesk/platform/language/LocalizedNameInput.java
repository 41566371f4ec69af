package com.dealerdesk.platform.language;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The schema's {@code LocalizedNameInput}; checked further by {@link LocalizedNames#of}.
 */
public record LocalizedNameInput(@NotNull String language, @NotBlank @Size(max = 100) String name) {

}
