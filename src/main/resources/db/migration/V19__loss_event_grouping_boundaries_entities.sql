-- Loss events as the regulatory data set counts them (issue #14, item 6): an incident may be grouped under a root
-- event (CRR Art. 311a(4) grouped losses: one event in every total), flagged as a credit-risk boundary loss (kept
-- out of the op-risk data set) or a market-risk boundary loss (kept in), and belongs to a legal entity of the group
-- (existing incidents: the default entity).

alter table incident add column root_event_id bigint;
alter table incident add constraint incident_root_event_fk foreign key (root_event_id) references incident (id);
create index incident_root_event_idx on incident (root_event_id);

alter table incident add column credit_boundary boolean default false not null;
alter table incident add column market_boundary boolean default false not null;

alter table incident add column legal_entity_id bigint;
update incident set legal_entity_id = (select e.id from legal_entity e where e.is_default = true);
alter table incident alter column legal_entity_id set not null;
alter table incident add constraint incident_legal_entity_fk foreign key (legal_entity_id) references legal_entity (id);
create index incident_legal_entity_idx on incident (legal_entity_id);
