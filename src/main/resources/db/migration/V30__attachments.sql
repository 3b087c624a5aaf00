-- Files attached to incidents and action plans (issue #18): closure evidence, reports, screenshots. Checked, stored and
-- downloaded as control-test evidence is; the bytes go to the same table as evidence (evidence_content), the
-- description here names its record as the discussion thread does (record type as the audit trail names it, id).
create sequence attachment_seq start with 1 increment by 50;
create table attachment (
    id            bigint        not null primary key,
    version       bigint        not null,
    record_type   varchar(40)   not null,
    record_id     bigint        not null,
    content_id    bigint        not null,
    file_name     varchar(255)  not null,
    content_type  varchar(100)  not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(64)   not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(64)   not null,
    constraint attachment_content_fk foreign key (content_id) references evidence_content (id)
);
create index attachment_record_idx on attachment (record_type, record_id);
