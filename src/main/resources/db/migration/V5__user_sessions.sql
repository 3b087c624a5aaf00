-- Signed-in browser sessions. The session cookie alone no longer suffices: its id must be here, so signing out
-- (or an administrator disabling the account) ends the session for good, even if the cookie was copied.
create table user_session (
    id         varchar(64) not null primary key,
    username   varchar(64) not null,
    created_at timestamp(6) with time zone not null
);
create index user_session_username_idx on user_session (username);
