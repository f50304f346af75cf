-- Entry lists read a page by walking an index of entry in the list's order, stopping after
-- limit + 1 matches. H2 walks an index in order only when the ORDER BY names the index's leading
-- columns with the index's direction (the columns fixed by equality included), and never walks one
-- backwards: newest first needs its own descending indexes (PostgreSQL walks either).
create index entry_listing_desc on entry
    (tenant_code desc, entry_type desc, updated_at desc, id desc);
create index entry_listing_created_desc on entry
    (tenant_code desc, entry_type desc, created_at desc, id desc);

-- An entry's publication date: when a translation of it was first published (or the date an
-- import gave). Until now each translation kept only its last publication; the earliest of those
-- is the best date the existing rows know.
alter table entry add column published_at timestamp(6) with time zone;
update entry set published_at =
    (select min(t.published_at) from translation t where t.entry_id = entry.id);
-- Never-published entries come after the published ones in both directions (NULLS LAST, said
-- the same way in the lists' ORDER BY).
create index entry_listing_published on entry
    (tenant_code, entry_type, published_at nulls last, id);
create index entry_listing_published_desc on entry
    (tenant_code desc, entry_type desc, published_at desc nulls last, id desc);

-- A title search (q) in the editors' lists reads titles from this index alone rather than the
-- translation rows, whose bodies make each row many times larger.
create index translation_title on translation (tenant_code, entry_type, title, entry_id);
