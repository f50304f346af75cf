-- Partner API keys (delivery issue): shown once, stored as a SHA-256 of the secret part, found
-- by their public prefix; scoped to a tenant and optionally to some of its channels.
create table partner_key (
    id              uuid primary key,
    tenant_code     varchar(64) not null references tenant (code),
    name            varchar(200) not null,
    prefix          varchar(32) not null,
    secret_sha256   varchar(64) not null,
    channels        varchar(2000) not null,
    rate_per_minute integer not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(100) not null,
    revoked_at      timestamp(6) with time zone,
    revoked_by      varchar(100),
    constraint partner_key_prefix_unique unique (prefix)
);

-- Requests per key, channel, locale and day: the reach figures of the provincial reports.
create table partner_usage (
    key_id   uuid not null references partner_key (id),
    channel  varchar(64) not null,
    locale   varchar(35) not null,
    usage_day date not null,
    requests bigint not null,
    primary key (key_id, channel, locale, usage_day)
);

-- Feed pages read each locale of a fallback chain newest first and continue after the last
-- (published_at, entry_id) they gave: one range scan per locale, never a sort. What is live is
-- decided by live_revision since the review workflow, not by status, so status leaves the index.
drop index translation_published;
create index translation_published on translation (tenant_code, locale, published_at, entry_id);
