import type { Actor } from '../../domain/shared/actor.ts';
import { notFound } from '../../domain/shared/app-error.ts';
import { assertCanIssueToken, assertSignedIn, type Credential } from '../../policies/credentials.ts';
import { meetingCalendar } from '../meeting-calendar.ts';
import type { CalendarFeedInfo } from '../ports.ts';
import { assertProcess, newId } from '../support.ts';
import { nowOf, type AccessDeps } from './deps.ts';
import { digest, secret } from './secrets.ts';

export type FeedDeps = AccessDeps;

/**
 * A secret address of the process's meeting calendar for a calendar client to subscribe to: shown once, kept
 * only as a hash. Like an API token it needs a person who signed in with a password, so a stolen token cannot
 * leave a lasting way in behind it.
 */
export async function createCalendarFeed(
  deps: FeedDeps,
  actor: Actor,
  processId: string,
  via: Credential | null = 'local',
): Promise<CalendarFeedInfo & { token: string }> {
  assertCanIssueToken(actor, via);
  await assertProcess(deps.store.reader, processId);
  const token = `cal_${secret()}`;
  const info = await deps.feeds.create({ feedId: newId('feed'), tokenHash: digest(token), accountId: actor.accountId, processId });
  return { ...info, token };
}

export async function listCalendarFeeds(deps: FeedDeps, actor: Actor, processId: string): Promise<{ items: CalendarFeedInfo[] }> {
  assertSignedIn(actor, 'list your calendar addresses');
  return { items: await deps.feeds.list(actor.accountId, processId) };
}

/** Another account's feed is as unknown as a missing one. */
export async function revokeCalendarFeed(deps: FeedDeps, actor: Actor, feedId: string): Promise<void> {
  assertSignedIn(actor, 'revoke a calendar address');
  if (!(await deps.feeds.delete(actor.accountId, feedId))) throw notFound('calendar address', feedId);
}

/**
 * The calendar behind a secret address, as its account may see it now: a revoked role narrows it at once, and a
 * deactivated account's address answers like an unknown one.
 */
export async function readCalendarFeed(deps: FeedDeps, token: string): Promise<string> {
  const feed = await deps.feeds.open(digest(token), nowOf(deps));
  const actor = feed && (await deps.accounts.actorById(feed.accountId));
  if (!feed || !actor) throw notFound('calendar address', 'this address');
  return meetingCalendar(deps, actor, feed.processId);
}
