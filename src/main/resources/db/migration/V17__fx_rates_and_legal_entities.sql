-- FX rates into a base currency (the reporting currency a rate converts into), one per currency and day; ledger
-- lines take the latest rate at or before their accounting date and keep the rate they used.
create sequence fx_rate_seq start with 1 increment by 50;
create table fx_rate (
    id              bigint          not null primary key,
    version         bigint          not null,
    base_currency   varchar(3)      not null,
    currency        varchar(3)      not null,
    rate_date       date            not null,
    rate            numeric(19, 10) not null,
    source          varchar(20)     not null,
    reason          varchar(500),
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)     not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)     not null,
    constraint fx_rate_uk unique (base_currency, currency, rate_date),
    constraint fx_rate_positive_ck check (rate > 0),
    constraint fx_rate_not_base_ck check (currency <> base_currency)
);
create index fx_rate_date_idx on fx_rate (rate_date, currency);

-- Legal entities of the group, a list managers keep. Exactly one is the default (is_default), and it is active.
create sequence legal_entity_seq start with 1 increment by 50;
create table legal_entity (
    id              bigint          not null primary key,
    version         bigint          not null,
    code            varchar(20)     not null,
    name            varchar(200)    not null,
    lei             varchar(20),
    active          boolean         not null,
    is_default      boolean         not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)     not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)     not null,
    constraint legal_entity_code_uk unique (code)
);
-- The default entity; id 0 lies below every id the sequence hands out.
insert into legal_entity (id, version, code, name, lei, active, is_default, created_at, created_by, updated_at,
        updated_by)
    values (0, 0, 'MAIN', 'Main legal entity', null, true, true, current_timestamp, 'system', current_timestamp,
        'system');
