-- Append-only audit trail with a hash chain, sign-in throttling, account fields.

create table audit_entry (
    id           bigint        not null primary key,
    occurred_at  timestamp(6) with time zone not null,
    username     varchar(64)   not null,
    action       varchar(30)   not null,
    record_type  varchar(60),
    record_id    varchar(60),
    record_label varchar(200),
    parent_type  varchar(60),
    parent_id    varchar(60),
    changes      varchar(200000),
    details      varchar(4000),
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null
);
-- Each selective filter of /audit has an index ending in id, and the page is ordered along it (see AuditEntry).
-- Record type and action have a handful of values each: no index leads with them, so that the planner
-- always walks one of these (or the primary key) newest first instead of collecting and sorting.
create index audit_record_id_idx on audit_entry (record_id, id);
create index audit_parent_idx on audit_entry (parent_type, parent_id, id);
create index audit_label_idx on audit_entry (record_label, id);
create index audit_user_idx on audit_entry (username, id);
create index audit_time_idx on audit_entry (occurred_at, id);

-- The end of the chain. Writers lock this row, so entries get gapless ids in commit order.
create table audit_head (
    id        integer     not null primary key,
    last_id   bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Failed sign-ins per username tried, whether or not such an account exists.
create table login_throttle (
    username     varchar(200) not null primary key,
    failures     integer      not null,
    locked_until timestamp(6) with time zone
);

alter table app_user add column password_changed_at timestamp(6) with time zone;
