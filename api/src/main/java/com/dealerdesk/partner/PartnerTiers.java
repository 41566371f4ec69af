package com.dealerdesk.partner;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The channel's tiers as the catalogue and the documents need them: the tier a partner is
 * on (its customers are priced at it, and it sees only its prices), tiers by id, and
 * which tier codes exist (the catalogue's tier prices name a tier by code).
 */
@Service
public class PartnerTiers {

	private static final BiFunction<Row, RowMetadata, Tier> TIER = (row, meta) -> new Tier(row.get("id", UUID.class),
			row.get("code", String.class), row.get("name", String.class), row.get("position", Integer.class),
			row.get("default_discount_percent", BigDecimal.class), row.get("version", Integer.class));

	private final DatabaseClient database;

	PartnerTiers(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A level of the channel (the GraphQL type {@code PartnerTier}).
	 *
	 * @param defaultDiscountPercent off the list price of products without a tier price;
	 * null for none
	 */
	public record Tier(UUID id, String code, String name, int position, BigDecimal defaultDiscountPercent,
			int version) {

	}

	/**
	 * The tier the partner is on; empty without a partner, or for a partner without a
	 * tier.
	 */
	public Mono<Optional<Tier>> ofPartner(UUID partnerId) {
		if (partnerId == null) {
			return Mono.just(Optional.empty());
		}
		return ofPartners(Set.of(partnerId)).map(found -> Optional.ofNullable(found.get(partnerId)));
	}

	/** The tiers of these partners, by partner; partners without a tier are left out. */
	public Mono<Map<UUID, Tier>> ofPartners(Collection<UUID> partnerIds) {
		if (partnerIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				select p.id as partner_id, t.* from partner p join partner_tier t on t.id = p.tier_id
				where p.id = any($1)""")
			.bind(0, partnerIds.toArray(UUID[]::new))
			.map((row, meta) -> Map.entry(row.get("partner_id", UUID.class), TIER.apply(row, meta)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	public Mono<Map<UUID, Tier>> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select * from partner_tier where id = any($1)")
			.bind(0, ids.toArray(UUID[]::new))
			.map(TIER)
			.all()
			.collectMap(Tier::id);
	}

	/** Of these codes, those a tier has. */
	public Mono<Set<String>> existingCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Mono.just(Set.of());
		}
		return this.database.sql("select code from partner_tier where code = any($1)")
			.bind(0, codes.toArray(String[]::new))
			.map(row -> row.get("code", String.class))
			.all()
			.collect(Collectors.toSet());
	}

}
