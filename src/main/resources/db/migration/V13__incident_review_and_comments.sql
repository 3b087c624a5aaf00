-- Incident reviews leave their reasons on the record: the last return for rework (while it is being reworked)
-- and the closing manager's comment. A discussion thread of comments on records (incidents, action plans, and
-- any other record type later): never edited nor deleted, newest last.

alter table incident add column returned_by varchar(64);
alter table incident add column returned_at timestamp(6) with time zone;
alter table incident add column return_reason varchar(2000);
alter table incident add column closed_by varchar(64);
alter table incident add column close_comment varchar(2000);
create index incident_status_submitter_idx on incident (status, submitted_by);

create sequence record_comment_seq start with 1 increment by 50;
create table record_comment (
    id           bigint        not null primary key,
    version      bigint        not null,
    record_type  varchar(40)   not null,
    record_id    bigint        not null,
    kind         varchar(30)   not null,
    body         varchar(2000) not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(64)   not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(64)   not null
);
create index record_comment_record_idx on record_comment (record_type, record_id, created_at, id);
