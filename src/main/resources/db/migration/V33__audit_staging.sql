-- The audit entries of a transaction that writes very many records (an import) wait here, inside that transaction,
-- instead of in memory; at its commit they are chained into audit_entry in their order and deleted (AuditWriter).
-- No row here is ever committed.
create table audit_pending (
    tx_key       varchar(36)   not null,
    seq          bigint        not null,
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
    seeded       boolean       not null,
    primary key (tx_key, seq)
);
