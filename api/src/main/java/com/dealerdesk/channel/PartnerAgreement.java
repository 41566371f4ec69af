package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The terms between the vendor and one partner for a period: the currency its volume is
 * counted in and its year-end rebate bands, lowest threshold first.
 *
 * @param endsOn inclusive; null for an open-ended agreement
 */
public record PartnerAgreement(UUID id, UUID partnerId, LocalDate startsOn, LocalDate endsOn, String currency,
		List<RebateBand> rebateBands, String note, int version) {

}
