-- Everyone who saved an RCSA task's answers: none of them may approve it (four eyes on what is approved, not only
-- on who submitted it).
create table assessment_task_editor (
    task_id  bigint      not null,
    username varchar(64) not null,
    constraint assessment_task_editor_pk primary key (task_id, username),
    constraint assessment_task_editor_task_fk foreign key (task_id) references assessment_task (id)
);
-- Tasks recorded before this table: whoever submitted them, whoever changed their control ratings (only the
-- assessor's save does), and whoever changed their answers or first saved them, as the audit trail shows (not the
-- start-up seeding, recorded as "system").
insert into assessment_task_editor (task_id, username)
select id, submitted_by from assessment_task where submitted_by is not null
union
select a.task_id, e.username from audit_entry e
    join assessment_control a on e.record_type = 'AssessmentControl' and e.record_id = cast(a.id as varchar(60))
    where e.action = 'UPDATE' and e.username <> 'system'
union
select t.id, e.username from audit_entry e
    join assessment_task t on e.record_type = 'AssessmentTask' and e.record_id = cast(t.id as varchar(60))
    where e.action = 'UPDATE' and e.username <> 'system' and (e.changes like '%"field":"inherentLikelihood"%'
        or e.changes like '%"field":"inherentImpact"%' or e.changes like '%"field":"residualLikelihood"%'
        or e.changes like '%"field":"residualImpact"%' or e.changes like '%"field":"residualComment"%'
        or e.changes like '%"field":"assessorComment"%' or e.changes like '%"field":"submittedBy"%'
        or e.changes like '%"oldValue":"NOT_STARTED"%');

-- A manager's documented override of a risk's current ratings or a control's effectiveness: who, when and why.
alter table risk add column ratings_overridden_by varchar(64);
alter table risk add column ratings_overridden_at timestamp(6) with time zone;
alter table risk add column ratings_override_reason varchar(2000);
alter table internal_control add column effectiveness_overridden_by varchar(64);
alter table internal_control add column effectiveness_overridden_at timestamp(6) with time zone;
alter table internal_control add column effectiveness_override_reason varchar(2000);
