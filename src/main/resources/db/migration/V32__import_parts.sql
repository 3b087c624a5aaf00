-- One upload, several files (issue #18): controls, risks, incidents, loss lines and action plans, each with its own
-- name, SHA-256 and counts. A part is a file of the job, or the links between risks and controls that its files set
-- (no file of its own: no name, no SHA-256). The jobs already there keep their incidents and loss-lines files.
create table import_part (
    job_id         bigint       not null,
    part           varchar(10)  not null,
    file_name      varchar(255),
    sha256         varchar(64),
    created_count  integer      not null,
    updated_count  integer      not null,
    skipped_count  integer      not null,
    removed_count  integer      not null,
    constraint import_part_pk primary key (job_id, part),
    constraint import_part_job_fk foreign key (job_id) references import_job (id)
);
insert into import_part (job_id, part, file_name, sha256, created_count, updated_count, skipped_count, removed_count)
    select id, 'incidents', file_name, file_sha256, created_count, updated_count, skipped_count, 0 from import_job;
insert into import_part (job_id, part, file_name, sha256, created_count, updated_count, skipped_count, removed_count)
    select id, 'losses', lines_file_name, lines_sha256, lines_created, lines_updated, lines_skipped, 0
    from import_job where lines_file_name is not null;
alter table import_job drop column kind;
alter table import_job drop column file_name;
alter table import_job drop column file_sha256;
alter table import_job drop column lines_file_name;
alter table import_job drop column lines_sha256;
alter table import_job drop column created_count;
alter table import_job drop column updated_count;
alter table import_job drop column skipped_count;
alter table import_job drop column lines_created;
alter table import_job drop column lines_updated;
alter table import_job drop column lines_skipped;
