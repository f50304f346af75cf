-- Editorial workflow. A translation's own columns are its working (latest) text; what readers see
-- is the revision named by live_revision, kept in translation_revision with every other saved
-- revision. Schedule times sit on the translation; the scheduler claims a due time by clearing it
-- in the same transaction that acts on it, so a time fires once however many nodes poll.
alter table translation add column live_revision bigint;
alter table translation add column publish_at timestamp(6) with time zone;
alter table translation add column unpublish_at timestamp(6) with time zone;
alter table translation add column embargo_until timestamp(6) with time zone;
-- When a reviewer last sent the working revision back to its author (cleared on submit).
alter table translation add column returned_at timestamp(6) with time zone;
alter table translation add column returned_by varchar(100);
create index translation_publish_at on translation (publish_at);
create index translation_unpublish_at on translation (unpublish_at);
create index translation_embargo_until on translation (embargo_until);

create table translation_revision (
    entry_id        uuid not null references entry (id) on delete cascade,
    locale          varchar(35) not null,
    revision        bigint not null,
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
    source_revision bigint,
    saved_at        timestamp(6) with time zone not null,
    saved_by        varchar(100) not null,
    primary key (entry_id, locale, revision)
);

-- One approver's approval of one revision; a new revision needs new approvals.
create table translation_approval (
    entry_id    uuid not null references entry (id) on delete cascade,
    locale      varchar(35) not null,
    revision    bigint not null,
    approver    varchar(100) not null,
    approved_at timestamp(6) with time zone not null,
    primary key (entry_id, locale, revision, approver)
);

create table entry_comment (
    id         uuid primary key,
    entry_id   uuid not null references entry (id) on delete cascade,
    locale     varchar(35),
    author     varchar(100) not null,
    body       varchar(10000) not null,
    created_at timestamp(6) with time zone not null
);
create index entry_comment_entry on entry_comment (entry_id, created_at);

-- Per tenant; no row means the defaults (see WorkflowSettings).
create table workflow_settings (
    tenant_code      varchar(64) primary key references tenant (code) on delete cascade,
    sensitive_topics varchar(4000) not null,
    direct_publish   boolean not null,
    version          bigint not null
);

-- What was saved before this migration is each translation's first kept revision, and what was
-- published is live.
insert into translation_revision (entry_id, locale, revision, title, subtitle, summary, body, slug,
    seo_title, seo_description, keywords, caption, alt_text, source_revision, saved_at, saved_by)
select entry_id, locale, revision, title, subtitle, summary, body, slug, seo_title,
    seo_description, keywords, caption, alt_text, source_revision, updated_at, updated_by
from translation;
update translation set live_revision = revision where status = 'PUBLISHED';
