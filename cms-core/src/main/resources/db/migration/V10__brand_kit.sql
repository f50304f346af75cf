-- A tenant's brand kit: the logo laid over renditions of the presets it names, where, how opaque
-- and how wide (a share of the rendition's width). The logo is a media asset of the tenant; the
-- media service refuses to delete it while the brand kit names it. A tenant without a row has no
-- watermark.
create table brand_kit (
    tenant_code        varchar(64) primary key references tenant (code) on delete cascade,
    watermark_asset_id uuid not null references media_asset (id),
    position           varchar(16) not null,
    opacity            double precision not null,
    scale              double precision not null,
    presets            varchar(500) not null,
    version            bigint not null
);
create index brand_kit_asset on brand_kit (watermark_asset_id);
