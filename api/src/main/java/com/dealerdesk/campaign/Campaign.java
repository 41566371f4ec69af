package com.dealerdesk.campaign;

import java.time.LocalDate;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

public record Campaign(UUID id, String name, CampaignKind kind, LocalDate startsOn, LocalDate endsOn, Money cost,
		String notes, int version) {

}
