package com.dealerdesk.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.partner.PartnerStanding.Territory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/** A partner's standing in the channel, for other features' rules (deal registration). */
@Service
public class PartnerStandings {

	private final DatabaseClient database;

	PartnerStandings(DatabaseClient database) {
		this.database = database;
	}

	/** The partner's standing, with its territories in order; empty if there is none. */
	public Mono<PartnerStanding> of(UUID partnerId) {
		return this.database
			.sql("""
					select p.id, p.name, p.status, p.parent_id,
					       coalesce(array_agg(t.region order by t.position) filter (where t.position is not null), '{}') as regions,
					       coalesce(array_agg(t.industry order by t.position) filter (where t.position is not null), '{}') as industries
					from partner p left join partner_territory t on t.partner_id = p.id
					where p.id = $1
					group by p.id""")
			.bind(0, partnerId)
			.map(row -> {
				String[] regions = row.get("regions", String[].class);
				String[] industries = row.get("industries", String[].class);
				List<Territory> territories = new ArrayList<>();
				for (int i = 0; i < regions.length; i++) {
					territories.add(new Territory(regions[i], industries[i]));
				}
				return new PartnerStanding(row.get("id", UUID.class), row.get("name", String.class),
						row.get("status", String.class), row.get("parent_id", UUID.class), List.copyOf(territories));
			})
			.one();
	}

}
