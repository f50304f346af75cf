-- The file behind a media asset record: its bytes live in the blob store under the SHA-256 of
-- their content (originals/<2 hex>/<sha256>); several records may share one blob. Width and height
-- are as displayed (EXIF orientation applied). The focal point (0..1 from the left and top) centres
-- crops. Extracted facts (camera, GPS position) are kept as read from the file.
alter table media_asset add column blob_sha256 varchar(64);
alter table media_asset add column content_type varchar(64);
alter table media_asset add column byte_size bigint;
alter table media_asset add column width integer;
alter table media_asset add column height integer;
alter table media_asset add column duration_ms bigint;
alter table media_asset add column original_filename varchar(255);
alter table media_asset add column camera varchar(200);
alter table media_asset add column latitude double precision;
alter table media_asset add column longitude double precision;
alter table media_asset add column focal_x double precision;
alter table media_asset add column focal_y double precision;
create index media_asset_blob on media_asset (blob_sha256);
create index media_asset_rights on media_asset (rights_expire_at);
