-- Uploaded files kept in pieces of at most 256 KB (ImportFile), written and read as streams, so that an import's files
-- never sit whole in memory. The files kept so far become one piece each.
create table import_file_chunk (
    job_id  bigint      not null,
    part    varchar(10) not null,
    seq     integer     not null,
    data    bytea       not null,
    constraint import_file_chunk_pk primary key (job_id, part, seq),
    constraint import_file_chunk_file_fk foreign key (job_id, part) references import_file (job_id, part)
);
insert into import_file_chunk (job_id, part, seq, data) select job_id, part, 0, data from import_file;
alter table import_file drop column data;
