-- The bank's own reference of a record brought in from its former system (issue #18): kept beside ours, unique per
-- kind of record, so that importing the same file twice finds the records it created instead of creating them again,
-- and so that the bank's systems can address an incident by the reference they know.
alter table incident add column external_reference varchar(64);
alter table risk add column external_reference varchar(64);
alter table internal_control add column external_reference varchar(64);
alter table action_plan add column external_reference varchar(64);
create unique index incident_external_reference_idx on incident (external_reference);
create unique index risk_external_reference_idx on risk (external_reference);
create unique index internal_control_external_reference_idx on internal_control (external_reference);
create unique index action_plan_external_reference_idx on action_plan (external_reference);
