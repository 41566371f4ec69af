package com.dealerdesk.sales;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.language.LocalizedNameInput;
import com.dealerdesk.platform.language.LocalizedNames;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins shape the sales process: pipelines with their stages and probabilities, and the
 * list of lost reasons. Stages in use by deals cannot disappear, so history and reports
 * stay whole.
 */
@Service
class PipelineAdmin {

	record SavePipelineInput(String id, Integer expectedVersion, @NotBlank @Size(max = 100) String name,
			@Size(max = 3) List<@NotNull @Valid LocalizedNameInput> names, Boolean requiresLostReason,
			Boolean makeDefault, @NotEmpty @Size(max = 30) List<@NotNull @Valid StageInput> stages) {

	}

	record StageInput(String id, @NotBlank @Size(max = 100) String name,
			@Size(max = 3) List<@NotNull @Valid LocalizedNameInput> names,
			@NotNull @Min(0) @Max(value = 100, message = "must be at most 100") Integer probability,
			Boolean closesAsWon) {

	}

	record AddLostReasonInput(@NotBlank @Size(max = 100) String name,
			@Size(max = 3) List<@NotNull @Valid LocalizedNameInput> names) {

	}

	record UpdateLostReasonInput(@NotBlank String id, Integer expectedVersion,
			@NotNull @Size(max = 3) List<@NotNull @Valid LocalizedNameInput> names) {

	}

	private final DatabaseClient database;

	private final PipelineRepository pipelines;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final OpportunityRepository opportunities;

	private final JsonMapper json;

	PipelineAdmin(DatabaseClient database, PipelineRepository pipelines, InputValidator validator, OutboxWriter outbox,
			OpportunityRepository opportunities, JsonMapper json) {
		this.opportunities = opportunities;
		this.json = json;
		this.database = database;
		this.pipelines = pipelines;
		this.validator = validator;
		this.outbox = outbox;
	}

	@Transactional
	public Mono<Pipeline> save(Actor actor, SavePipelineInput input) {
		AccessPolicy.require(actor, input.id() == null ? Action.CREATE : Action.UPDATE, Subject.PIPELINE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = input.id() == null ? null : GlobalId.uuidOf("Pipeline", input.id(), errors, "input", "id");
		if (input.id() != null && input.expectedVersion() == null) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Is required when changing a pipeline.", "input",
					"expectedVersion"));
		}
		LocalizedNames pipelineNames = LocalizedNames.of(input.names(), errors, "input", "names");
		List<UUID> stageIds = new ArrayList<>();
		List<LocalizedNames> stageNames = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; input.stages() != null && i < input.stages().size(); i++) {
			StageInput stage = input.stages().get(i);
			if (stage == null) {
				continue;
			}
			stageNames.add(LocalizedNames.of(stage.names(), errors, "input", "stages", String.valueOf(i), "names"));
			stageIds.add(stage.id() == null ? UUID.randomUUID()
					: GlobalId.uuidOf("Stage", stage.id(), errors, "input", "stages", String.valueOf(i), "id"));
			if (stage.name() != null && !names.add(stage.name().strip().toLowerCase())) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Two stages have this name.", "input", "stages",
						String.valueOf(i), "name"));
			}
		}
		Inputs.rejectIfAny(errors);
		UUID pipelineId = id == null ? UUID.randomUUID() : id;
		Mono<Void> header = id == null ? insertPipeline(pipelineId, input, pipelineNames)
				: updatePipeline(pipelineId, input, pipelineNames);
		return header.then(replaceStages(pipelineId, input.stages(), stageIds, stageNames))
			// the stages may have a new order: "furthest" follows it
			.then(id == null ? Mono.empty() : this.opportunities.recomputeFurthestStages(pipelineId))
			.then(Boolean.TRUE.equals(input.makeDefault()) ? makeDefault(pipelineId) : Mono.empty())
			.then(this.pipelines.pipelines())
			.map(all -> all.stream().filter(p -> p.id().equals(pipelineId)).findFirst().orElseThrow())
			.flatMap(
					pipeline -> this.outbox
						.append(actor, id == null ? EventType.PIPELINE_CREATED : EventType.PIPELINE_UPDATED, "Pipeline",
								pipeline.id(), pipeline.version(), EventOwner.VENDOR,
								Map.of("id", GlobalId.of("Pipeline", pipeline.id()), "name", pipeline.name(), "names",
										pipeline.names().byLanguage(), "version", pipeline.version()))
						.thenReturn(pipeline));
	}

	@Transactional
	public Mono<LostReason> addLostReason(Actor actor, AddLostReasonInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.LOST_REASON);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		LocalizedNames translations = LocalizedNames.of(input.names(), errors, "input", "names");
		Inputs.rejectIfAny(errors);
		UUID id = UUID.randomUUID();
		String name = input.name().strip();
		LocalizedNames names = translations == null ? LocalizedNames.NONE : translations;
		return this.database.sql("""
				insert into lost_reason (id, name, name_translations, position)
				select $1, $2, $3, coalesce(max(position), 0) + 1 from lost_reason
				on conflict (name) do nothing""")
			.bind(0, id)
			.bind(1, name)
			.bind(2, Json.of(names.toJson(this.json)))
			.fetch()
			.rowsUpdated()
			.flatMap(rows -> rows == 0
					? Mono.error(new UserErrorsException(
							UserError.of(UserErrorCode.CONFLICT, "This reason exists already.", "input", "name")))
					: Mono.just(new LostReason(id, name, names, 1)));
	}

	/**
	 * Replaces a lost reason's names per language; the default name stays (deals and
	 * reports refer to the reason, not to its words).
	 */
	@Transactional
	public Mono<LostReason> updateLostReason(Actor actor, UpdateLostReasonInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.LOST_REASON);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = input.id() == null ? null : GlobalId.uuidOf("LostReason", input.id(), errors, "input", "id");
		LocalizedNames names = LocalizedNames.of(input.names(), errors, "input", "names");
		Inputs.rejectIfAny(errors);
		return this.pipelines
			.renameLostReason(id, input.expectedVersion(),
					Json.of((names == null ? LocalizedNames.NONE : names).toJson(this.json)))
			// nothing renamed: unknown, or changed since the admin read it
			.switchIfEmpty(Mono.defer(() -> this.pipelines.lostReasonVersion(id)
				.flatMap(version -> Mono.<LostReason>error(UserErrorsException.staleVersion("lost reason", version)))
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(
						UserError.of(UserErrorCode.NOT_FOUND, "No such lost reason.", "input", "id"))))));
	}

	private Mono<Void> insertPipeline(UUID id, SavePipelineInput input, LocalizedNames names) {
		return this.database.sql("""
				insert into pipeline (id, name, name_translations, requires_lost_reason)
				values ($1, $2, coalesce($3, '{}'), $4)""")
			.bind(0, id)
			.bind(1, input.name().strip())
			.bind(2, jsonOrKeep(names))
			.bind(3, !Boolean.FALSE.equals(input.requiresLostReason()))
			.then();
	}

	private Mono<Void> updatePipeline(UUID id, SavePipelineInput input, LocalizedNames names) {
		return this.database.sql("""
				update pipeline set name = $1, name_translations = coalesce($5, name_translations),
				    requires_lost_reason = $2, version = version + 1
				where id = $3 and version = $4""")
			.bind(0, input.name().strip())
			.bind(1, !Boolean.FALSE.equals(input.requiresLostReason()))
			.bind(2, id)
			.bind(3, input.expectedVersion())
			.bind(4, jsonOrKeep(names))
			.fetch()
			.rowsUpdated()
			.flatMap(rows -> rows == 1 ? Mono.<Void>empty()
					: this.pipelines.pipelines()
						.flatMap(all -> Mono.error(new UserErrorsException(all.stream().anyMatch(p -> p.id().equals(id))
								? UserError.of(UserErrorCode.STALE_VERSION,
										"Someone else changed this pipeline: reload and save again.", "input",
										"expectedVersion")
								: UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", "id")))));
	}

	/**
	 * Writes the stages in the given order. Stages of the pipeline that are not in the
	 * list are deleted, which fails with CONFLICT while deals or their history refer to
	 * them.
	 */
	private Mono<Void> replaceStages(UUID pipelineId, List<StageInput> stages, List<UUID> ids,
			List<LocalizedNames> names) {
		Mono<Void> removed = this.database
			.sql("""
					select count(*) as used from stage s
					where s.pipeline_id = $1 and not (s.id = any($2))
					  and (exists (select 1 from opportunity o where o.stage_id = s.id)
					       or exists (select 1 from opportunity_stage_change h where h.to_stage_id = s.id or h.from_stage_id = s.id))""")
			.bind(0, pipelineId)
			.bind(1, ids.toArray(UUID[]::new))
			.map(row -> row.get("used", Long.class))
			.one()
			.flatMap(used -> used > 0
					? Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"A stage left out still has deals or history: keep it, or move the deals first.", "input",
							"stages")))
					: this.database.sql("delete from stage where pipeline_id = $1 and not (id = any($2))")
						.bind(0, pipelineId)
						.bind(1, ids.toArray(UUID[]::new))
						.then());
		Flux<Void> upserts = Flux.range(0, stages.size()).concatMap(i -> {
			StageInput stage = stages.get(i);
			return this.database.sql("""
					insert into stage (id, pipeline_id, name, name_translations, position, probability, closes_as_won)
					values ($1, $2, $3, coalesce($7, '{}'), $4, $5, $6)
					on conflict (id) do update set name = excluded.name,
					    name_translations = coalesce($7, stage.name_translations), position = excluded.position,
					    probability = excluded.probability, closes_as_won = excluded.closes_as_won
					where stage.pipeline_id = excluded.pipeline_id""")
				.bind(0, ids.get(i))
				.bind(1, pipelineId)
				.bind(2, stage.name().strip())
				.bind(3, i + 1)
				.bind(4, stage.probability())
				.bind(5, Boolean.TRUE.equals(stage.closesAsWon()))
				.bind(6, jsonOrKeep(names.get(i)))
				.fetch()
				.rowsUpdated()
				.flatMap(rows -> rows == 1 ? Mono.<Void>empty()
						: Mono.error(new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND,
								"No such stage in this pipeline.", "input", "stages", String.valueOf(i), "id"))));
		});
		return removed.thenMany(upserts).then();
	}

	/** The names as JSON, or SQL null (absent from the input) to keep the stored ones. */
	private Parameter jsonOrKeep(LocalizedNames names) {
		return Parameter.fromOrEmpty(names == null ? null : Json.of(names.toJson(this.json)), Json.class);
	}

	private Mono<Void> makeDefault(UUID pipelineId) {
		return this.database.sql("update pipeline set is_default = false where is_default and id <> $1")
			.bind(0, pipelineId)
			.then()
			.then(this.database.sql("update pipeline set is_default = true where id = $1").bind(0, pipelineId).then());
	}

}
