-- The language each user chose for the application's pages and e-mails; null follows the browser (Accept-Language)
-- and then the installation's default (OPRISK_LOCALE).
alter table app_user add column locale varchar(8);
