-- Sign-in with an OpenID Connect provider (issue #20). The account is tied to the token's subject, which may be up
-- to 255 characters (OpenID Connect Core 1.0, section 2).
alter table app_user alter column directory_id set data type varchar(255);
-- The ID token a session was opened with: sent back to the provider as id_token_hint when the user signs out
-- (OpenID Connect RP-Initiated Logout 1.0, section 2), so the provider ends its own session too.
alter table user_session add column id_token varchar(16384);
-- One account per directory entry and method: a username renamed in the directory does not make a second account.
create unique index app_user_directory_entry_idx on app_user (auth_source, directory_id);
