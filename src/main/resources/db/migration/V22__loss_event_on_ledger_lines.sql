-- Each ledger line carries the loss event it counts in (CRR Art. 311a(4): a grouped incident counts with its root
-- event), as the event is classified and sized: the root's id, Level 2 event type and business line, whether the
-- event is kept out of the data set whatever its size (near miss, gain event, credit boundary), and the event's
-- aggregated gross and net loss (root and grouped incidents). The losses page then reads one index by accounting
-- date instead of joining every incident (README, "The losses page"). incident.LossEvents keeps these columns
-- right on every ledger write and every change of an incident's classification or grouping.
alter table loss_entry add column event_id bigint;
alter table loss_entry add column event_type varchar(60);
alter table loss_entry add column event_business_line varchar(40);
alter table loss_entry add column event_excluded boolean;
alter table loss_entry add column event_gross numeric(19, 2);
alter table loss_entry add column event_net numeric(19, 2);

update loss_entry set event_id = (select coalesce(i.root_event_id, i.id) from incident i
    where i.id = loss_entry.incident_id);
update loss_entry set
    event_type = (select e.event_type from incident e where e.id = loss_entry.event_id),
    event_business_line = (select e.business_line from incident e where e.id = loss_entry.event_id),
    event_excluded = (select e.near_miss or e.gain_event or e.credit_boundary from incident e
        where e.id = loss_entry.event_id),
    event_gross = (select e.gross_loss from incident e where e.id = loss_entry.event_id)
        + coalesce((select sum(m.gross_loss) from incident m where m.root_event_id = loss_entry.event_id), 0),
    event_net = (select e.net_loss from incident e where e.id = loss_entry.event_id)
        + coalesce((select sum(m.net_loss) from incident m where m.root_event_id = loss_entry.event_id), 0);

alter table loss_entry alter column event_id set not null;
alter table loss_entry alter column event_type set not null;
alter table loss_entry alter column event_business_line set not null;
alter table loss_entry alter column event_excluded set not null;
alter table loss_entry alter column event_gross set not null;
alter table loss_entry alter column event_net set not null;

-- The losses page's scan: every column it reads, so the rows themselves are never visited.
create index loss_entry_period_idx on loss_entry (accounting_date, event_id, event_type, event_business_line,
    event_excluded, event_gross, event_net, entry_type, recovery_status, reporting_amount);
create index loss_entry_event_idx on loss_entry (event_id);
