-- Rights that run out change what a channel shows without any write to the change log; the
-- dispatcher looks for assets whose rights expired since it last looked, and remembers when that was.
alter table webhook_position add column checked_at timestamp(6) with time zone;
