-- Loss data as BIS OPE25 and CRR Arts. 317-318 describe it (issue #14).
-- Line types: the old "gross loss" lines become direct charges; provisions stay provisions but now count inside gross
-- loss (OPE25 includes provisions and reserves booked in the P&L), so each incident's gross and net loss grow by its
-- provisions. Recoveries recorded so far were entered as booked, so they count as received on their accounting date.
-- A line in another currency kept the rate typed by hand: it is marked as such. Each line is allocated to its
-- incident's business line. The period lock starts open.

update loss_entry set entry_type = 'DIRECT_CHARGE' where entry_type = 'GROSS_LOSS';

alter table loss_entry add column recovery_status varchar(10);
update loss_entry set recovery_status = 'RECEIVED' where entry_type in ('INSURANCE_RECOVERY', 'OTHER_RECOVERY');

alter table loss_entry add column fx_source varchar(20) default 'SAME_CURRENCY' not null;
alter table loss_entry add column fx_reason varchar(500);
update loss_entry set fx_source = 'MANUAL', fx_reason = 'Typed before the FX rate table existed'
    where currency <> reporting_currency;
alter table loss_entry alter column fx_rate set data type numeric(19, 10);

alter table loss_entry add column business_line varchar(40);
update loss_entry set business_line = (select i.business_line from incident i where i.id = loss_entry.incident_id);
alter table loss_entry alter column business_line set not null;

alter table loss_entry add column post_closure boolean default false not null;

alter table incident add column gain_event boolean default false not null;
alter table incident add column expected_recoveries numeric(19, 2) default 0 not null;
update incident set gross_loss = gross_loss + provisions, net_loss = net_loss + provisions;

create table ledger_lock (
    id              bigint       not null primary key,
    closed_through  date,
    version         bigint       not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(64)  not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(64)  not null
);
insert into ledger_lock (id, closed_through, version, created_at, created_by, updated_at, updated_by)
    values (1, null, 0, current_timestamp, 'system', current_timestamp, 'system');
