-- The register of information on ICT third-party providers (DORA, Regulation 2022/2554, Art. 28(3); templates of
-- Implementing Regulation 2024/2956): providers (B_05.01), their contractual arrangements (B_02.01/B_02.02) with the
-- bank's services they support (business_service, V21), the assessment figures of B_07.01 the register keeps
-- (substitutability, exit plan), and the incidents a provider was involved in. incident.third_party stays as it is:
-- a start-up step (ict.ThirdPartyMigration) turns its distinct names into providers, once.
create sequence ict_provider_seq start with 1 increment by 50;
create table ict_provider (
    id              bigint          not null primary key,
    version         bigint          not null,
    name            varchar(200)    not null,
    -- the name trimmed and in lower case: one provider per name, whatever its spelling
    name_key        varchar(200)    not null,
    lei             varchar(20),
    country         varchar(2),
    person_type     varchar(20)     not null,
    notes           varchar(2000),
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)     not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)     not null,
    constraint ict_provider_name_uk unique (name_key),
    constraint ict_provider_lei_uk unique (lei)
);

create sequence ict_contract_seq start with 1 increment by 50;
create table ict_contract (
    id                  bigint          not null primary key,
    version             bigint          not null,
    provider_id         bigint          not null,
    reference           varchar(60)     not null,
    start_date          date            not null,
    end_date            date,
    service_type        varchar(10)     not null,
    annual_cost         numeric(19, 2),
    currency            varchar(3),
    substitutability    varchar(30)     not null,
    exit_plan           boolean         not null,
    exit_plan_tested_on date,
    notes               varchar(2000),
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(64)     not null,
    updated_at          timestamp(6) with time zone not null,
    updated_by          varchar(64)     not null,
    constraint ict_contract_reference_uk unique (reference),
    constraint ict_contract_provider_fk foreign key (provider_id) references ict_provider (id),
    constraint ict_contract_dates_ck check (end_date is null or end_date >= start_date),
    constraint ict_contract_exit_tested_ck check (exit_plan_tested_on is null or exit_plan = true)
);
create index ict_contract_provider_idx on ict_contract (provider_id);

-- The bank's services (functions) a contract supports.
create table ict_contract_service (
    contract_id     bigint          not null,
    service_id      bigint          not null,
    constraint ict_contract_service_pk primary key (contract_id, service_id),
    constraint ict_contract_service_contract_fk foreign key (contract_id) references ict_contract (id),
    constraint ict_contract_service_service_fk foreign key (service_id) references business_service (id)
);
create index ict_contract_service_service_idx on ict_contract_service (service_id);

-- An incident in which a provider was involved, optionally under one of its contracts.
create sequence ict_incident_provider_seq start with 1 increment by 50;
create table ict_incident_provider (
    id              bigint          not null primary key,
    version         bigint          not null,
    incident_id     bigint          not null,
    provider_id     bigint          not null,
    contract_id     bigint,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)     not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)     not null,
    constraint ict_incident_provider_uk unique (incident_id, provider_id),
    constraint ict_incident_provider_incident_fk foreign key (incident_id) references incident (id),
    constraint ict_incident_provider_provider_fk foreign key (provider_id) references ict_provider (id),
    constraint ict_incident_provider_contract_fk foreign key (contract_id) references ict_contract (id)
);
create index ict_incident_provider_provider_idx on ict_incident_provider (provider_id);
