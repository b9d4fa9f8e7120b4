-- Settings that administrators change at runtime (the active theme, ...): one row per key.
create table site_setting (
    setting_key   varchar(100)  not null primary key,
    setting_value varchar(2000) not null,
    updated_at    timestamp(6) with time zone not null
);
