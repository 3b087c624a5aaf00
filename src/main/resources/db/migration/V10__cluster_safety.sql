-- Work that must be safe when several instances share the database.

-- Named locks (core/ClusterLock): one row per name, locked with select ... for update.
create table cluster_lock (
    name varchar(100) not null primary key
);

-- Sign-in throttling per username tried and per client address (security/SignInThrottle). It replaces
-- login_throttle, which counted usernames only; its rows are short-lived lock-outs, so none are carried over.
drop table login_throttle;
create table sign_in_throttle (
    throttle_key  varchar(250) not null primary key,
    failures      integer      not null,
    window_start  timestamp(6) with time zone not null,
    locked_until  timestamp(6) with time zone
);

-- A scheduled job's run for one period (core/JobRuns), inserted in the transaction that does the work: another
-- instance inserting the same run waits, then skips it once it has committed, or does it if it rolled back.
create table job_run (
    job         varchar(100) not null,
    run_key     varchar(100) not null,
    ran_at      timestamp(6) with time zone not null,
    constraint job_run_pk primary key (job, run_key)
);

-- Reminders are claimed, then marked sent: a claim whose instance died before sending is taken over later.
alter table reminder_sent add column claimed_at timestamp(6) with time zone;
update reminder_sent set claimed_at = sent_at;
alter table reminder_sent alter column claimed_at set not null;
alter table reminder_sent alter column sent_at drop not null;
