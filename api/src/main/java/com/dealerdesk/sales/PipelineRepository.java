package com.dealerdesk.sales;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.platform.language.LocalizedNames;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Pipelines with their stages, and lost reasons: small configuration tables, read whole.
 */
@Repository
class PipelineRepository {

	private final DatabaseClient database;

	private final JsonMapper json;

	PipelineRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/** All pipelines, the default first, each with its stages in order. */
	Mono<List<Pipeline>> pipelines() {
		Mono<List<Stage>> stages = this.database.sql("select * from stage order by pipeline_id, position")
			.map(row -> new Stage(row.get("id", UUID.class), row.get("pipeline_id", UUID.class),
					row.get("name", String.class), names(row), row.get("position", Integer.class),
					row.get("probability", Integer.class), row.get("closes_as_won", Boolean.class)))
			.all()
			.collectList();
		return stages
			.flatMap(all -> this.database.sql("select * from pipeline order by is_default desc, name").map(row -> {
				UUID id = row.get("id", UUID.class);
				return new Pipeline(id, row.get("name", String.class), names(row), row.get("is_default", Boolean.class),
						row.get("requires_lost_reason", Boolean.class),
						all.stream().filter(stage -> stage.pipelineId().equals(id)).collect(Collectors.toList()),
						row.get("version", Integer.class));
			}).all().collectList());
	}

	Mono<List<LostReason>> lostReasons() {
		return this.database.sql("select id, name, name_translations, version from lost_reason order by position")
			.map(this::lostReason)
			.all()
			.collectList();
	}

	/**
	 * Replaces a lost reason's names per language at the expected version (any when
	 * null); empty when the reason is unknown or at another version.
	 */
	Mono<LostReason> renameLostReason(UUID id, Integer expectedVersion, Json names) {
		return this.database.sql("""
				update lost_reason set name_translations = $1, version = version + 1
				where id = $2 and ($3::int is null or version = $3)
				returning id, name, name_translations, version""")
			.bind(0, names)
			.bind(1, id)
			.bind(2, Parameter.fromOrEmpty(expectedVersion, Integer.class))
			.map(this::lostReason)
			.one();
	}

	/** The version a lost reason is at now; empty when there is none with this id. */
	Mono<Integer> lostReasonVersion(UUID id) {
		return this.database.sql("select version from lost_reason where id = $1")
			.bind(0, id)
			.map(row -> row.get("version", Integer.class))
			.one();
	}

	private LostReason lostReason(Readable row) {
		return new LostReason(row.get("id", UUID.class), row.get("name", String.class), names(row),
				row.get("version", Integer.class));
	}

	private LocalizedNames names(Readable row) {
		Json names = row.get("name_translations", Json.class);
		return names == null ? LocalizedNames.NONE : LocalizedNames.fromJson(this.json, names.asString());
	}

}
