-- Storybank schema, version 1. The same script runs on H2 (embedded default) and PostgreSQL.
-- Every entry type shares the entry and translation tables (one document per entry and locale
-- for search and delivery); type-specific columns live in one table per type (JPA JOINED).

create table app_user (
    username      varchar(100) primary key,
    password_hash varchar(300) not null,
    display_name  varchar(200),
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null
);

create table tenant (
    code          varchar(64) primary key,
    source_locale varchar(35) not null,
    time_zone     varchar(64) not null,
    version       bigint not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100) not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(100) not null
);

create table tenant_name (
    tenant_code varchar(64) not null references tenant (code) on delete cascade,
    locale      varchar(35) not null,
    name        varchar(300) not null,
    primary key (tenant_code, locale)
);

create table tenant_locale (
    tenant_code varchar(64) not null references tenant (code) on delete cascade,
    position    integer not null,
    locale      varchar(35) not null,
    fallbacks   varchar(400) not null,
    primary key (tenant_code, position)
);

create table term (
    id           uuid primary key,
    tenant_code  varchar(64) not null references tenant (code),
    kind         varchar(32) not null,
    code         varchar(100) not null,
    parent_id    uuid references term (id),
    admin_code   varchar(32),
    latitude     double precision,
    longitude    double precision,
    valid_from   date,
    valid_to     date,
    version      bigint not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(100) not null,
    updated_at   timestamp(6) with time zone not null,
    updated_by   varchar(100) not null,
    constraint term_code_unique unique (tenant_code, kind, code)
);

create table term_label (
    term_id uuid not null references term (id) on delete cascade,
    locale  varchar(35) not null,
    label   varchar(300) not null,
    primary key (term_id, locale)
);

create table entry (
    id          uuid primary key,
    tenant_code varchar(64) not null references tenant (code),
    entry_type  varchar(16) not null,
    version     bigint not null,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(100) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(100) not null
);
create index entry_listing on entry (tenant_code, entry_type, updated_at, id);
create index entry_listing_created on entry (tenant_code, entry_type, created_at, id);

-- An entry's terms in the order the editor gave them (the first pillar is the main one).
create table entry_term (
    entry_id uuid not null references entry (id) on delete cascade,
    position integer not null,
    term_id  uuid not null references term (id),
    primary key (entry_id, position)
);
create index entry_term_term on entry_term (term_id);

-- Links between entries (related stories, hero media, collection items...). Weak references:
-- the services check that targets exist and refuse to delete an entry that is still linked.
create table entry_link (
    entry_id  uuid not null references entry (id) on delete cascade,
    role      varchar(32) not null,
    position  integer not null,
    target_id uuid not null,
    primary key (entry_id, role, position)
);
create index entry_link_target on entry_link (target_id);

create table translation (
    entry_id        uuid not null references entry (id) on delete cascade,
    locale          varchar(35) not null,
    tenant_code     varchar(64) not null,
    entry_type      varchar(16) not null,
    title           varchar(500),
    subtitle        varchar(500),
    summary         varchar(4000),
    body            varchar(1000000),
    slug            varchar(200),
    seo_title       varchar(300),
    seo_description varchar(1000),
    keywords        varchar(2000),
    caption         varchar(2000),
    alt_text        varchar(1000),
    status          varchar(16) not null,
    revision        bigint not null,
    source_revision bigint,
    published_at    timestamp(6) with time zone,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(100) not null,
    primary key (entry_id, locale)
);
-- Slug first, so that a batch of slugs (slug in (...)) is one index lookup each.
create unique index translation_slug_unique on translation (slug, locale, entry_type, tenant_code);

create table story (
    id         uuid primary key references entry (id) on delete cascade,
    kind       varchar(48) not null,
    event_date date,
    latitude   double precision,
    longitude  double precision,
    credit     varchar(500),
    source     varchar(1000)
);

create table product (
    id               uuid primary key references entry (id) on delete cascade,
    producer_name    varchar(300) not null,
    producer_kind    varchar(16) not null,
    producer_contact varchar(500),
    product_group    varchar(48) not null,
    ocop_stars       integer,
    ocop_year        integer,
    ocop_certificate varchar(100),
    price_min        bigint,
    price_max        bigint,
    price_currency   varchar(3)
);

create table product_purchase_link (
    product_id uuid not null references product (id) on delete cascade,
    position   integer not null,
    label      varchar(200),
    url        varchar(2000) not null,
    platform   varchar(64),
    primary key (product_id, position)
);

create table media_asset (
    id                   uuid primary key references entry (id) on delete cascade,
    media_type           varchar(16) not null,
    credit               varchar(500),
    copyright_holder     varchar(500),
    licence              varchar(200),
    licence_url          varchar(2000),
    people_identifiable  boolean not null,
    consent_obtained     boolean not null,
    rights_expire_at     timestamp(6) with time zone,
    captured_at          timestamp(6) with time zone,
    channels_allowed     varchar(2000)
);

create table collection (
    id      uuid primary key references entry (id) on delete cascade,
    purpose varchar(32) not null
);

-- The change log: one row per write, appended in the write's transaction. Sequence numbers are
-- handed out under a row lock on change_counter that is held until commit, so rows become visible
-- in sequence order with no gaps: a follower reading "seq > last seen" never skips a committed row.
create table change_counter (
    id       integer primary key,
    last_seq bigint not null
);
insert into change_counter (id, last_seq) values (1, 0);

create table change_log (
    seq         bigint primary key,
    tenant_code varchar(64) not null,
    entity_type varchar(32) not null,
    entity_id   uuid not null,
    locale      varchar(35),
    operation   varchar(16) not null,
    revision    bigint not null,
    changed_at  timestamp(6) with time zone not null,
    changed_by  varchar(100) not null
);
create index change_log_tenant on change_log (tenant_code, seq);
