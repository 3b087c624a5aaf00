-- Recurring ICT-related incidents (Delegated Regulation 2024/1772, Art. 8(2)): the monthly assessment proposes groups
-- of two or more incidents, not major one by one, within six months with the same apparent root cause that together
-- meet the criteria of Art. 8(1); a manager confirms or dismisses each proposal. One proposal per month and cause.
create sequence dora_recurring_seq start with 1 increment by 50;
create table dora_recurring (
    id              bigint          not null primary key,
    version         bigint          not null,
    run_key         varchar(20)     not null,
    cause_key       varchar(200)    not null,
    root_cause      varchar(4000)   not null,
    thresholds_met  varchar(200)    not null,
    status          varchar(20)     not null,
    decided_by      varchar(64),
    decided_at      timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)     not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)     not null,
    constraint dora_recurring_uk unique (run_key, cause_key)
);
create index dora_recurring_status_idx on dora_recurring (status);

create table dora_recurring_incident (
    dora_recurring_id   bigint not null,
    incident_id         bigint not null,
    constraint dora_recurring_incident_pk primary key (dora_recurring_id, incident_id),
    constraint dora_recurring_incident_recurring_fk foreign key (dora_recurring_id) references dora_recurring (id)
        on delete cascade,
    constraint dora_recurring_incident_incident_fk foreign key (incident_id) references incident (id)
        on delete cascade
);
create index dora_recurring_incident_incident_idx on dora_recurring_incident (incident_id);
