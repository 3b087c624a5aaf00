-- Key risk indicators: definitions with their threshold history, one value per period (typed, uploaded or computed
-- from the register), breaches (runs of red values) and links to risks.

create sequence kri_seq start with 1 increment by 50;
create table kri (
    id              bigint         not null primary key,
    version         bigint         not null,
    reference       varchar(40)    not null,
    name            varchar(200)   not null,
    description     varchar(4000),
    unit            varchar(40)    not null,
    frequency       varchar(20)    not null,
    owner           varchar(120)   not null,
    direction       varchar(20)    not null,
    green_limit     numeric(19, 4) not null,
    red_limit       numeric(19, 4) not null,
    source          varchar(20)    not null,
    event_category  varchar(40),
    business_line   varchar(40),
    values_from     date,
    status          varchar(20)    not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)    not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)    not null,
    constraint kri_reference_uk unique (reference)
);
create index kri_status_idx on kri (status, reference);

create sequence kri_threshold_seq start with 1 increment by 50;
create table kri_threshold (
    id              bigint         not null primary key,
    version         bigint         not null,
    kri_id          bigint         not null,
    effective_from  date           not null,
    direction       varchar(20)    not null,
    green_limit     numeric(19, 4) not null,
    red_limit       numeric(19, 4) not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)    not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)    not null,
    constraint kri_threshold_kri_fk foreign key (kri_id) references kri (id),
    constraint kri_threshold_uk unique (kri_id, effective_from)
);

create sequence kri_value_seq start with 1 increment by 50;
create table kri_value (
    id              bigint         not null primary key,
    version         bigint         not null,
    kri_id          bigint         not null,
    period_start    date           not null,
    measured        numeric(19, 4) not null,
    status          varchar(10)    not null,
    direction       varchar(20)    not null,
    green_limit     numeric(19, 4) not null,
    red_limit       numeric(19, 4) not null,
    value_comment   varchar(2000),
    computed        boolean        not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)    not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)    not null,
    constraint kri_value_kri_fk foreign key (kri_id) references kri (id),
    constraint kri_value_uk unique (kri_id, period_start)
);

create sequence kri_breach_seq start with 1 increment by 50;
create table kri_breach (
    id                bigint         not null primary key,
    version           bigint         not null,
    kri_id            bigint         not null,
    first_period      date           not null,
    first_value       numeric(19, 4) not null,
    last_red_period   date           not null,
    recovered_period  date,
    status            varchar(20)    not null,
    created_at        timestamp(6) with time zone not null,
    created_by        varchar(64)    not null,
    updated_at        timestamp(6) with time zone not null,
    updated_by        varchar(64)    not null,
    constraint kri_breach_kri_fk foreign key (kri_id) references kri (id),
    constraint kri_breach_uk unique (kri_id, first_period)
);
create index kri_breach_status_idx on kri_breach (status, first_period);

create sequence kri_risk_seq start with 1 increment by 50;
create table kri_risk (
    id         bigint not null primary key,
    version    bigint not null,
    kri_id     bigint not null,
    risk_id    bigint not null,
    created_at timestamp(6) with time zone not null,
    created_by varchar(64) not null,
    updated_at timestamp(6) with time zone not null,
    updated_by varchar(64) not null,
    constraint kri_risk_kri_fk foreign key (kri_id) references kri (id),
    constraint kri_risk_risk_fk foreign key (risk_id) references risk (id),
    constraint kri_risk_uk unique (kri_id, risk_id)
);
create index kri_risk_risk_idx on kri_risk (risk_id);

-- Computed KRIs count incidents by month of discovery and sum losses by accounting month.
create index incident_discovery_idx on incident (discovery_date, id);
create index loss_entry_accounting_idx on loss_entry (accounting_date, incident_id);
