-- Deployment administration: the administrator flag, deactivated accounts, versioned role
-- grants and one-time links (set-up, account invites, password resets).

-- Deployment-wide, like the account itself: an administrator opens processes and manages
-- accounts, and holds no role in any process by being one.
alter table accounts add column admin boolean not null default false;
-- A deactivated account keeps its row (journal entries and grants name it) but signs in no more.
alter table accounts add column deactivated_at timestamptz;

-- A grant is a journalled record: a revocation is its next version, and the row stays so its
-- history can be read beside the journal. Only unrevoked rows give a role.
alter table role_grants add column version integer not null default 1 check (version > 0);
alter table role_grants add column revoked_at timestamptz;
alter table role_grants add column revoked_by text;

-- One-time links. Only the SHA-256 of the secret part is kept; the id part finds the row, so
-- the secret is compared in constant time and a leaked table opens nothing. A link is used
-- once: used_at is set in the transaction that does what it allows.
create table account_links (
  link_id text primary key,
  secret_hash text not null,
  purpose text not null check (purpose in ('setup', 'invite', 'reset')),
  process_id text references processes,
  role text check (role in ('mediator', 'delegate', 'monitor', 'analyst')),
  party_id text,
  username text,
  account_id text references accounts,
  created_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by text,
  revoked_at timestamptz,
  revoked_by text,
  check ((purpose = 'invite') = (process_id is not null and role is not null)),
  check ((purpose = 'reset') = (account_id is not null))
);
create index account_links_process_idx on account_links (process_id) where process_id is not null;
