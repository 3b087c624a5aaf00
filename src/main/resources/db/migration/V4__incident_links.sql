-- Risks an incident materialised, and controls that failed in it.

create sequence incident_risk_seq start with 1 increment by 50;
create table incident_risk (
    id          bigint not null primary key,
    version     bigint not null,
    incident_id bigint not null,
    risk_id     bigint not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(64) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(64) not null,
    constraint incident_risk_incident_fk foreign key (incident_id) references incident (id),
    constraint incident_risk_risk_fk foreign key (risk_id) references risk (id),
    constraint incident_risk_uk unique (incident_id, risk_id)
);
create index incident_risk_risk_idx on incident_risk (risk_id);

create sequence incident_control_seq start with 1 increment by 50;
create table incident_control (
    id          bigint not null primary key,
    version     bigint not null,
    incident_id bigint not null,
    control_id  bigint not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(64) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(64) not null,
    constraint incident_control_incident_fk foreign key (incident_id) references incident (id),
    constraint incident_control_control_fk foreign key (control_id) references internal_control (id),
    constraint incident_control_uk unique (incident_id, control_id)
);
create index incident_control_control_idx on incident_control (control_id);
