-- Signed webhooks for partners (Standard Webhooks): subscriptions, what each one last announced,
-- the dispatcher's position in the change log, and the outbox of messages to send.
create table webhook_subscription (
    id              uuid primary key,
    tenant_code     varchar(64) not null references tenant (code),
    channel_code    varchar(64) not null,
    url             varchar(2000) not null,
    -- Comma-separated: published, updated, unpublished, deleted.
    events          varchar(200) not null,
    -- The whsec_… secret; shown once at creation, then only used to sign.
    secret          varchar(200) not null,
    active          boolean not null,
    disabled_reason varchar(500),
    version         bigint not null,
    created_at      timestamp(6) with time zone not null,
    created_by      varchar(100) not null,
    updated_at      timestamp(6) with time zone not null,
    updated_by      varchar(100) not null
);

create index webhook_subscription_tenant on webhook_subscription (tenant_code, active);

-- The entries a subscription last announced as in its channel, with the state announced, so that
-- a change can be told apart: published, updated, unpublished or deleted.
create table webhook_membership (
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    entry_id        uuid not null,
    entry_type      varchar(32) not null,
    entry_version   bigint not null,
    fingerprint     varchar(1000) not null,
    primary key (subscription_id, entry_id)
);

-- One row: the last change-log sequence number the dispatcher has turned into messages. Locked
-- for the length of a batch so that two nodes never enqueue the same change twice.
create table webhook_position (
    id  integer primary key,
    seq bigint not null
);

insert into webhook_position (id, seq) values (1, 0);

create table webhook_message (
    id              varchar(64) primary key,
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    event_type      varchar(64) not null,
    entry_id        uuid not null,
    change_seq      bigint not null,
    payload         varchar(20000) not null,
    status          varchar(16) not null,
    attempts        integer not null,
    next_attempt_at timestamp(6) with time zone not null,
    locked_until    timestamp(6) with time zone,
    last_status     integer,
    last_error      varchar(1000),
    created_at      timestamp(6) with time zone not null,
    delivered_at    timestamp(6) with time zone
);

create index webhook_message_due on webhook_message (status, next_attempt_at);
create index webhook_message_subscription on webhook_message (subscription_id, status, created_at);
