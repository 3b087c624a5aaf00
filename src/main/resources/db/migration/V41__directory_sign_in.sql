-- Sign-in with the bank's directory (issue #20). Where an account signs in: LOCAL (the password kept here, bcrypt)
-- or LDAP (a bind to the directory; no password is kept here). A username belongs to one source.
alter table app_user add column auth_source varchar(8) default 'LOCAL' not null;
alter table app_user alter column password_hash drop not null;
-- The directory's own id of the entry (entryUUID, objectGUID), kept at the first sign-in: a username given again to
-- someone else in the directory does not open the account made for the first.
alter table app_user add column directory_id varchar(64);

-- One row, made here so that no two instances race to create it: whether accounts other than administrators may
-- sign in with a local password while a directory is set up.
create table sign_in_policy (
    id integer primary key,
    local_for_everyone boolean not null,
    version bigint not null
);
insert into sign_in_policy (id, local_for_everyone, version) values (1, true, 0);
