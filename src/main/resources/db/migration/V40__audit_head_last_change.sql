-- The id of the chain's last entry about a record (a change, or an event recorded against a record). Entries about
-- no record (a sign-in, a download) leave it where it is: a result computed from the records (a C 17 return) is
-- still the right one while it stays. Written with last_id, under the same lock.
alter table audit_head add column last_change_id bigint default 0 not null;
update audit_head set last_change_id = last_id;
