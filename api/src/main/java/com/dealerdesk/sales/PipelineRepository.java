package com.dealerdesk.sales;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Pipelines with their stages, and lost reasons: small configuration tables, read whole.
 */
@Repository
class PipelineRepository {

	private final DatabaseClient database;

	PipelineRepository(DatabaseClient database) {
		this.database = database;
	}

	/** All pipelines, the default first, each with its stages in order. */
	Mono<List<Pipeline>> pipelines() {
		Mono<List<Stage>> stages = this.database.sql("select * from stage order by pipeline_id, position")
			.map(row -> new Stage(row.get("id", UUID.class), row.get("pipeline_id", UUID.class),
					row.get("name", String.class), row.get("position", Integer.class),
					row.get("probability", Integer.class), row.get("closes_as_won", Boolean.class)))
			.all()
			.collectList();
		return stages
			.flatMap(all -> this.database.sql("select * from pipeline order by is_default desc, name").map(row -> {
				UUID id = row.get("id", UUID.class);
				return new Pipeline(id, row.get("name", String.class), row.get("is_default", Boolean.class),
						row.get("requires_lost_reason", Boolean.class),
						all.stream().filter(stage -> stage.pipelineId().equals(id)).collect(Collectors.toList()),
						row.get("version", Integer.class));
			}).all().collectList());
	}

	Mono<List<LostReason>> lostReasons() {
		return this.database.sql("select id, name from lost_reason order by position")
			.map(row -> new LostReason(row.get("id", UUID.class), row.get("name", String.class)))
			.all()
			.collectList();
	}

}
