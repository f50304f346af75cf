-- Readers open items by the slug of their live revision (the URLs lists and feeds hand out), and
-- revisions had no index on it: every such request read every kept revision, long bodies and all
-- (10 s at 20,000 stories × 3 locales). With it the lookup is an index probe per match, joined to
-- the translation by its key.
create index translation_revision_slug on translation_revision (slug);
