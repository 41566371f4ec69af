-- Pipelines are edited by admins: optimistic locking, and stage order rewritten in one statement.
alter table pipeline add column version int not null default 1;
alter table stage drop constraint stage_pipeline_id_position_key;
alter table stage add constraint stage_pipeline_position_key unique (pipeline_id, position) deferrable initially deferred;
