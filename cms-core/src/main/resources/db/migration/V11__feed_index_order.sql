-- Feeds read a locale's published translations newest first, 21 rows at a time. H2 walks an index
-- in order only when the ORDER BY names the index's leading columns with the same direction, the
-- columns fixed by equality included (it answered the feed query by sorting every translation of
-- the locale: 230 ms at 200,000 per locale, against 0.2 ms walking this index). So the index is
-- declared descending and the query orders by tenant_code, locale, published_at, entry_id, all
-- descending; PostgreSQL walks it the same way.
drop index translation_published;
create index translation_published on translation
    (tenant_code desc, locale desc, published_at desc, entry_id desc);
