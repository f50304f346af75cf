-- Channels: what a partner, portal or screen receives from a tenant (delivery issue).
-- Lists are stored comma-separated: they are small, read whole and never queried by element.
create table channel (
    id          uuid primary key,
    tenant_code varchar(64) not null references tenant (code),
    code        varchar(64) not null,
    name        varchar(200) not null,
    access      varchar(16) not null,
    entry_types varchar(200) not null,
    kinds       varchar(2000) not null,
    pillars     varchar(2000) not null,
    topics      varchar(2000) not null,
    formats     varchar(200) not null,
    presets     varchar(1000) not null,
    version     bigint not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(100) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(100) not null,
    constraint channel_code_unique unique (tenant_code, code)
);

create table channel_locale (
    channel_id        uuid not null references channel (id) on delete cascade,
    position          integer not null,
    locale            varchar(35) not null,
    -- Comma-separated tags tried after the locale itself; empty with translated_only.
    fallbacks         varchar(400) not null,
    translated_only   boolean not null,
    primary key (channel_id, position)
);

-- Feeds list a tenant's published translations newest first.
create index translation_published on translation (tenant_code, status, locale, published_at);
