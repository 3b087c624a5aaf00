-- Incident and loss register, users, reference counters, seed marks.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

create sequence app_user_seq start with 1 increment by 50;
create table app_user (
    id            bigint       not null primary key,
    version       bigint       not null,
    username      varchar(64)  not null,
    password_hash varchar(100) not null,
    roles         varchar(200) not null,
    display_name  varchar(200) not null,
    enabled       boolean      not null,
    created_at    timestamp(6) with time zone not null,
    constraint app_user_username_uk unique (username)
);

create table reference_counter (
    counter_key varchar(40) not null primary key,
    next_value  bigint      not null
);

create table seed_run (
    name       varchar(100) not null primary key,
    applied_at timestamp(6) with time zone not null
);

create sequence incident_seq start with 1 increment by 50;
create table incident (
    id              bigint         not null primary key,
    version         bigint         not null,
    reference       varchar(40)    not null,
    title           varchar(200)   not null,
    description     varchar(10000),
    status          varchar(20)    not null,
    severity        varchar(20)    not null,
    event_category  varchar(40)    not null,
    event_type      varchar(60)    not null,
    business_line   varchar(40)    not null,
    org_unit        varchar(120)   not null,
    owner           varchar(120)   not null,
    occurrence_date date           not null,
    discovery_date  date           not null,
    reporting_date  date           not null,
    closure_date    date,
    causes          varchar(100),
    root_cause      varchar(4000),
    third_party     varchar(200),
    near_miss       boolean        not null,
    gross_loss      numeric(19, 2) not null,
    recoveries      numeric(19, 2) not null,
    provisions      numeric(19, 2) not null,
    net_loss        numeric(19, 2) not null,
    search_text     varchar(1000)  not null,
    submitted_by    varchar(64),
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)    not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)    not null,
    constraint incident_reference_uk unique (reference),
    constraint incident_dates_ck check (discovery_date >= occurrence_date
        and (closure_date is null or closure_date >= discovery_date))
);
-- The register filters by status, event type, business line and occurrence date, and sorts by date or loss.
create index incident_status_idx on incident (status, occurrence_date);
create index incident_occurrence_idx on incident (occurrence_date, id);
create index incident_category_idx on incident (event_category, occurrence_date);
create index incident_type_idx on incident (event_type, occurrence_date);
create index incident_business_line_idx on incident (business_line, occurrence_date);
create index incident_net_loss_idx on incident (net_loss, id);
create index incident_created_idx on incident (created_at, id);
-- Free-text search scans this narrow covering index (count and net-loss sum included) instead of the table.
create index incident_search_idx on incident (search_text, net_loss);

create sequence loss_entry_seq start with 1 increment by 50;
create table loss_entry (
    id                 bigint         not null primary key,
    version            bigint         not null,
    incident_id        bigint         not null,
    entry_type         varchar(30)    not null,
    amount             numeric(19, 2) not null,
    currency           varchar(3)     not null,
    fx_rate            numeric(19, 8) not null,
    reporting_amount   numeric(19, 2) not null,
    reporting_currency varchar(3)     not null,
    accounting_date    date           not null,
    description        varchar(1000)  not null,
    created_at         timestamp(6) with time zone not null,
    created_by         varchar(64)    not null,
    updated_at         timestamp(6) with time zone not null,
    updated_by         varchar(64)    not null,
    constraint loss_entry_incident_fk foreign key (incident_id) references incident (id),
    constraint loss_entry_amount_ck check (amount > 0 and fx_rate > 0)
);
create index loss_entry_incident_idx on loss_entry (incident_id, accounting_date);
