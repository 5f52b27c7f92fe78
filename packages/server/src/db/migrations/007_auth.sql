-- Sign-in and tokens. Like accounts, these are deployment-wide and never journalled.

-- A token gets an id its owner can name to revoke it (the hash is never shown), an expiry
-- and the minute it was last used. Tokens issued before this migration expire in 90 days.
alter table api_tokens add column token_id text;
update api_tokens set token_id = 'tok-' || replace(gen_random_uuid()::text, '-', '');
alter table api_tokens alter column token_id set not null;
alter table api_tokens add constraint api_tokens_token_id_key unique (token_id);
alter table api_tokens add column expires_at timestamptz not null default now() + interval '90 days';
alter table api_tokens alter column expires_at drop default;
alter table api_tokens add column last_used_at timestamptz;
create index api_tokens_account_idx on api_tokens (account_id);
create index sessions_account_idx on sessions (account_id);

-- Failed sign-ins per scope: 'pair' (a username from one address), 'account' (a username
-- from anywhere), 'address' (any username from one address). Keys of the first two are
-- hashes, so a password typed into the username field is not kept. The rules that read
-- these rows are in domain/access/sign-in-throttle.ts; the rows live here so they survive
-- a restart and hold for every server in front of one database. succeeded_at marks an
-- address a username last signed in from, which the per-account rule exempts.
create table login_throttle (
  scope text not null check (scope in ('pair', 'account', 'address')),
  key text not null,
  failures integer not null default 0,
  last_failure_at timestamptz,
  succeeded_at timestamptz,
  primary key (scope, key)
);
create index login_throttle_last_failure_idx on login_throttle (last_failure_at);
