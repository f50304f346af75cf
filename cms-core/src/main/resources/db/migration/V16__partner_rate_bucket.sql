-- A partner key's token bucket, shared by every node of an installation on PostgreSQL, so that a
-- key gets its ratePerMinute from the installation, not from each node (an H2 file is opened by
-- one node only, which keeps its buckets in memory). The time is in epoch milliseconds: the
-- refill is computed by the node, the same on either database.
create table partner_rate (
    key_id         uuid primary key references partner_key (id) on delete cascade,
    tokens         double precision not null,
    updated_millis bigint not null
);
