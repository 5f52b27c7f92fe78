-- Secret calendar feed addresses. A calendar client sends no cookie and no header, so the secret is in the
-- address; it opens nothing but one process's meeting calendar, read as its account may see it at the time
-- of reading (a revoked role narrows the feed at once, a deactivated account closes it). Stored as a hash.
-- (Migrations 011 and 012 are the line-proposal and prisoner-exchange modules' numbers.)
create table calendar_feeds (
  feed_id text primary key,
  token_hash text not null unique,
  account_id text not null references accounts (account_id),
  process_id text not null references processes (process_id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
create index calendar_feeds_account_idx on calendar_feeds (account_id, process_id);
