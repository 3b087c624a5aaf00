-- Entries written when an example is seeded tell its story: their time is the story's, not when they were written.
alter table audit_entry add column seeded boolean default false not null;
