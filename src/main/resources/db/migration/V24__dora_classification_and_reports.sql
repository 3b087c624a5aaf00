-- DORA (Regulation 2022/2554, Arts. 18-19) per incident: the ICT-related flag, the timestamps of the incident with
-- their time of day (UTC), the services it affected, the classification criteria of Delegated Regulation 2024/1772
-- (Arts. 1-9) each with its evidence, the result of the latest classification, its history, and the reports
-- submitted under Delegated Regulation 2025/301. Kept apart from the incident table, keyed by the incident; it goes
-- with its incident (on delete cascade: incidents are not deleted in the app, but a removed example takes it along).
create sequence dora_record_seq start with 1 increment by 50;
create table dora_record (
    id                          bigint          not null primary key,
    version                     bigint          not null,
    incident_id                 bigint          not null,
    ict_related                 boolean         not null,
    occurred_at                 timestamp(6) with time zone,
    detected_at                 timestamp(6) with time zone,
    aware_at                    timestamp(6) with time zone,
    classified_at               timestamp(6) with time zone,
    recovered_at                timestamp(6) with time zone,
    resolved_at                 timestamp(6) with time zone,
    supervised_services         boolean         not null,
    critical_evidence           varchar(2000),
    clients_affected            bigint,
    clients_share               decimal(9,4),
    counterparts_share          decimal(9,4),
    transactions_share          decimal(9,4),
    transactions_value_share    decimal(9,4),
    relevant_affected           boolean         not null,
    clients_evidence            varchar(2000),
    media_coverage              boolean         not null,
    complaints                  boolean         not null,
    lost_clients                boolean         not null,
    regulatory_attention        boolean         not null,
    reputation_evidence         varchar(2000),
    duration_evidence           varchar(2000),
    member_states               varchar(200),
    geography_evidence          varchar(2000),
    data_availability           boolean         not null,
    data_authenticity           boolean         not null,
    data_integrity              boolean         not null,
    data_confidentiality        boolean         not null,
    data_adverse                boolean         not null,
    data_evidence               varchar(2000),
    other_costs                 decimal(19,2),
    costs_evidence              varchar(2000),
    malicious_access            boolean         not null,
    malicious_evidence          varchar(2000),
    major                       boolean,
    classifications             integer         not null,
    created_at                  timestamp(6) with time zone not null,
    created_by                  varchar(64)     not null,
    updated_at                  timestamp(6) with time zone not null,
    updated_by                  varchar(64)     not null,
    constraint dora_record_incident_uk unique (incident_id),
    constraint dora_record_incident_fk foreign key (incident_id) references incident (id) on delete cascade
);
create index dora_record_ict_idx on dora_record (ict_related, major);

create table dora_record_service (
    dora_record_id      bigint not null,
    business_service_id bigint not null,
    constraint dora_record_service_pk primary key (dora_record_id, business_service_id),
    constraint dora_record_service_record_fk foreign key (dora_record_id) references dora_record (id)
        on delete cascade,
    constraint dora_record_service_service_fk foreign key (business_service_id) references business_service (id)
);
create index dora_record_service_service_idx on dora_record_service (business_service_id);

-- Every classification, as it was made: the inputs and the thresholds met, the result, who and when.
create sequence dora_classification_seq start with 1 increment by 50;
create table dora_classification (
    id                  bigint          not null primary key,
    version             bigint          not null,
    dora_record_id      bigint          not null,
    number              integer         not null,
    major               boolean         not null,
    thresholds_met      varchar(200)    not null,
    inputs              varchar(8000)   not null,
    classified_at       timestamp(6) with time zone not null,
    classified_by       varchar(64)     not null,
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(64)     not null,
    updated_at          timestamp(6) with time zone not null,
    updated_by          varchar(64)     not null,
    constraint dora_classification_uk unique (dora_record_id, number),
    constraint dora_classification_record_fk foreign key (dora_record_id) references dora_record (id)
        on delete cascade
);

-- Reports submitted to the competent authority (2025/301 Art. 5): one row per submission; submitting a stage again
-- (an updated report) adds a row, the latest of a stage counts.
create sequence dora_report_seq start with 1 increment by 50;
create table dora_report (
    id                      bigint          not null primary key,
    version                 bigint          not null,
    dora_record_id          bigint          not null,
    stage                   varchar(20)     not null,
    submitted_at            timestamp(6) with time zone not null,
    submitted_by            varchar(64)     not null,
    authority_reference     varchar(100),
    note                    varchar(2000),
    created_at              timestamp(6) with time zone not null,
    created_by              varchar(64)     not null,
    updated_at              timestamp(6) with time zone not null,
    updated_by              varchar(64)     not null,
    constraint dora_report_record_fk foreign key (dora_record_id) references dora_record (id)
        on delete cascade
);
create index dora_report_record_idx on dora_report (dora_record_id, stage, submitted_at);
