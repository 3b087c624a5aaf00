-- Set when an administrator resets a user's password: that user must choose a new one at the next sign-in
-- before any other page opens. Cleared when they change their own password.
alter table app_user add column must_change_password boolean default false not null;
