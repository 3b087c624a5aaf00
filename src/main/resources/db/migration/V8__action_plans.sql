-- Action plans with their sources, progress updates, due-date extensions and the reminders sent about them.

alter table app_user add column email varchar(254);

create sequence action_plan_seq start with 1 increment by 50;
create table action_plan (
    id                      bigint        not null primary key,
    version                 bigint        not null,
    reference               varchar(40)   not null,
    title                   varchar(200)  not null,
    description             varchar(4000),
    owner                   varchar(64)   not null,
    priority                varchar(20)   not null,
    status                  varchar(20)   not null,
    progress                integer       not null,
    due_date                date          not null,
    original_due_date       date          not null,
    closure_note            varchar(4000),
    closure_requested_by    varchar(64),
    closure_requested_at    timestamp(6) with time zone,
    reviewed_by             varchar(64),
    reviewed_at             timestamp(6) with time zone,
    review_comment          varchar(2000),
    completed_on            date,
    created_at              timestamp(6) with time zone not null,
    created_by              varchar(64)   not null,
    updated_at              timestamp(6) with time zone not null,
    updated_by              varchar(64)   not null,
    constraint action_plan_reference_uk unique (reference),
    constraint action_plan_progress_ck check (progress between 0 and 100)
);
create index action_plan_status_due_idx on action_plan (status, due_date, id);
create index action_plan_owner_idx on action_plan (owner, status, due_date);
create index action_plan_due_idx on action_plan (due_date, id);

create sequence action_source_seq start with 1 increment by 50;
create table action_source (
    id           bigint       not null primary key,
    version      bigint       not null,
    action_id    bigint       not null,
    source_type  varchar(20)  not null,
    source_id    bigint       not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(64)  not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(64)  not null,
    constraint action_source_action_fk foreign key (action_id) references action_plan (id),
    constraint action_source_uk unique (action_id, source_type, source_id)
);
create index action_source_source_idx on action_source (source_type, source_id);

create sequence action_update_seq start with 1 increment by 50;
create table action_update (
    id           bigint        not null primary key,
    version      bigint        not null,
    action_id    bigint        not null,
    update_date  date          not null,
    progress     integer       not null,
    note         varchar(4000) not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(64)   not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(64)   not null,
    constraint action_update_action_fk foreign key (action_id) references action_plan (id)
);
create index action_update_action_idx on action_update (action_id, update_date);

create sequence action_extension_seq start with 1 increment by 50;
create table action_extension (
    id                 bigint        not null primary key,
    version            bigint        not null,
    action_id          bigint        not null,
    previous_due_date  date          not null,
    requested_due_date date          not null,
    reason             varchar(2000) not null,
    status             varchar(20)   not null,
    decided_by         varchar(64),
    decided_at         timestamp(6) with time zone,
    decision_comment   varchar(2000),
    created_at         timestamp(6) with time zone not null,
    created_by         varchar(64)   not null,
    updated_at         timestamp(6) with time zone not null,
    updated_by         varchar(64)   not null,
    constraint action_extension_action_fk foreign key (action_id) references action_plan (id)
);
create index action_extension_status_idx on action_extension (status, action_id);

-- One row per reminder: the unique key is what keeps two instances from sending the same one twice.
create table reminder_sent (
    reminder_key  varchar(200) not null primary key,
    recipient     varchar(64)  not null,
    sent_at       timestamp(6) with time zone not null
);
