-- Bulk import of a bank's history (issue #18).
-- A ledger line brought in keeps the bank's own key of the line (unique within its incident), so that importing the
-- same file twice finds the lines it created instead of booking them again.
alter table loss_entry add column external_reference varchar(64);
create unique index loss_entry_external_reference_idx on loss_entry (incident_id, external_reference);

-- One import: the files as uploaded, who asked, whether it is a dry run, and where it stands. Any instance may run
-- it: the instance that moves it from QUEUED to RUNNING (one conditional update) does it; a RUNNING job whose
-- heartbeat stopped (its instance died; its one transaction was rolled back) is queued again.
create sequence import_job_seq start with 1 increment by 50;
create table import_job (
    id                bigint                      not null primary key,
    kind              varchar(20)                 not null,
    dry_run           boolean                     not null,
    status            varchar(20)                 not null,
    file_name         varchar(255)                not null,
    file_sha256       varchar(64)                 not null,
    lines_file_name   varchar(255),
    lines_sha256      varchar(64),
    started_by        varchar(64)                 not null,
    queued_at         timestamp(6) with time zone not null,
    started_at        timestamp(6) with time zone,
    heartbeat_at      timestamp(6) with time zone,
    finished_at       timestamp(6) with time zone,
    claimed_by        varchar(100),
    rows_read         integer                     not null,
    created_count     integer                     not null,
    updated_count     integer                     not null,
    skipped_count     integer                     not null,
    lines_created     integer                     not null,
    lines_updated     integer                     not null,
    lines_skipped     integer                     not null,
    error_count       integer                     not null,
    errors            varchar(200000),
    failure           varchar(2000),
    mapping           varchar(4000)
);
create index import_job_status_idx on import_job (status, queued_at);

-- The uploaded bytes, kept until the job has run (the dry run's files are read again by the real run).
create table import_file (
    job_id  bigint      not null,
    part    varchar(10) not null,
    data    bytea       not null,
    constraint import_file_pk primary key (job_id, part),
    constraint import_file_job_fk foreign key (job_id) references import_job (id)
);

-- Column mappings a manager saved for files whose headings are neither the export's codes nor their English or French
-- names: each line "heading<TAB>column code" (a heading as compared: lower case, no accents, underscores), "-" for a
-- column left out.
create sequence import_mapping_seq start with 1 increment by 50;
create table import_mapping (
    id          bigint                      not null primary key,
    name        varchar(100)                not null,
    mapping     varchar(4000)               not null,
    created_by  varchar(64)                 not null,
    created_at  timestamp(6) with time zone not null,
    constraint import_mapping_name_uk unique (name)
);
