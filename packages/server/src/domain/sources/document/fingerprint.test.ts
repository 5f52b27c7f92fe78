import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error.ts';
import { fingerprint, NEAR_DUPLICATE, parseFingerprint, resemblance } from './fingerprint.ts';

/** A wire story of some 450 words, as an agency sends it. */
const WIRE = `Ukraine and Russia exchanged 190 prisoners of war on Thursday in the largest swap since the summer, officials from both
sides said, in a deal brokered by the United Arab Emirates. The exchange took place on the border with Belarus in the early
morning, according to a statement from the coordination headquarters for the treatment of prisoners of war in Kyiv.
Among the returning Ukrainians were soldiers captured during the defence of the Azovstal steel works in Mariupol, as well as
border guards and members of the national guard, the statement said. Several of the freed men needed urgent medical care
and were taken by ambulance to hospitals in the Chernihiv region.
Russia's defence ministry confirmed that 95 of its servicemen had been returned and said they would be flown to Moscow for
treatment and rehabilitation at military medical facilities. The ministry thanked the mediators for their humanitarian work.
The International Committee of the Red Cross, which has visited some camps on both sides, was not directly involved in the
handover but said it welcomed every release of detainees and called on the parties to grant its delegates full access to all
places of detention, as the Geneva Conventions require.
The swap was the fifth this year mediated by the Emirates, whose diplomats have quietly shuttled between the two capitals since
the spring. A senior official in Abu Dhabi said the talks had taken several weeks and had nearly collapsed over the inclusion
of a group of civilians whose status the two governments dispute.
Families of missing soldiers gathered outside the reception centre, holding photographs and calling out names as the buses
arrived. One woman said she had not heard from her son since he was taken prisoner near Bakhmut eighteen months ago, and that
she had come to every exchange in the hope of seeing him.
The ombudsman for human rights said that thousands of Ukrainians remained in Russian custody, many of them held without any
contact with their relatives, and that a list of the seriously ill and wounded had been handed to the Russian side. He urged
international organisations to press for the release of those whose health was deteriorating.
Both governments have accused each other of mistreating prisoners. United Nations monitors reported in March that most of the
released Ukrainian prisoners they interviewed described torture or ill treatment during their detention, and that a smaller
number of Russian prisoners gave similar accounts.
Officials on both sides said further exchanges were being prepared but gave no dates. Negotiators are expected to meet again in
the coming weeks to discuss the return of the bodies of fallen soldiers, an issue that has been handled separately from the
exchanges of the living.`;

/** The same story printed by a paper: its own intro line and footer, the agency's dateline and credit line gone. */
const SYNDICATED = `Our correspondent adds that the news was greeted with relief in the frontline towns of the east.
${WIRE.replace(/ officials from both\nsides said/u, ' officials from both sides said')}
Copyright 2024 The Daily Courier. All rights reserved. This material may not be republished without permission.`;
const AGENCY = `KYIV, Sept 14 (Newswire) - ${WIRE}
(Reporting by the Kyiv bureau; writing by a staff editor; editing by the news desk)`;

/** An article of the same length about the same exchange, written independently. */
const OTHER = `A prisoner exchange between Kyiv and Moscow brought home 95 Ukrainian soldiers on Thursday, the
president's office announced, thanking the United Arab Emirates for its mediation once again. Buses carrying the men crossed
from Belarus shortly after dawn, and video released by the presidency showed them wrapped in blue and yellow flags, some
weeping, some singing the national anthem.
Many of those released had been held since the fall of Mariupol in 2022. Relatives said the men were thin and exhausted, and
doctors at a field clinic near the border said that nearly all of them would need weeks of treatment for malnutrition,
untreated wounds and the effects of long confinement.
In Moscow, state television broadcast footage of Russian soldiers stepping off a military transport plane, and the defence
ministry said an equal number had come back. Commentators on the channel praised the Emirates as a reliable partner and
criticised what they called Western attempts to politicise the issue of captives.
Human rights groups have long complained that the International Committee of the Red Cross is denied access to many
detention sites, and they repeated that criticism on Thursday. Researchers who have interviewed former detainees describe
beatings, electric shocks and mock executions, and they say the conditions in several Russian penal colonies amount to war
crimes.
The Ukrainian coordination headquarters said it was checking the names of more than eight thousand people it believes are
held by Russia, a figure that Moscow does not confirm. Officials in Kyiv say that the real number may be higher, because the
fate of many soldiers listed as missing after the battles for Bakhmut and Avdiivka is still unknown.
Diplomats familiar with the talks said the Emirates had proposed a larger exchange that would also include civilians, but
that disagreement over several names had delayed it. They said the next round could take place within a month if both sides
agreed on the lists, though they cautioned that similar promises had been broken before.
At a vigil in the capital, mothers and wives of captured soldiers read out names and appealed to foreign governments to use
their influence. One of them, whose husband was captured near Zaporizhzhia, said that every exchange gave the families hope
but also reminded them how many were still waiting for news.`;

describe('fingerprint', () => {
  it('is a stable string of the documented form', () => {
    const f = fingerprint(WIRE);
    expect(f).toMatch(/^mh1:\d+:[0-9a-f]{512}$/u);
    expect(fingerprint(WIRE)).toBe(f);
    expect(parseFingerprint(f).minima).toHaveLength(256);
    expect(fingerprint('')).toBe('mh1:0:');
    expect(fingerprint(' ,.;— ')).toBe('mh1:0:');
  });

  it('ignores case, punctuation, spacing and ё/е', () => {
    expect(fingerprint('The Ceasefire, held!  At dawn; the monitors said.')).toBe(fingerprint('the ceasefire held at dawn the monitors said'));
    expect(fingerprint('Обмен пленными состоялся в субботу утром')).toBe(fingerprint('обмен пленными состоялся в субботу утром'));
    expect(fingerprint('ещё один обмен')).toBe(fingerprint('еще один обмен'));
  });

  it('refuses a string that is not a fingerprint', () => {
    for (const bad of ['', 'mh1:3:', 'mh1:0:00', `mh2:5:${'0'.repeat(512)}`, `mh1:5:${'0'.repeat(510)}`, `mh1:05:${'0'.repeat(512)}`])
      expect(() => resemblance(bad, fingerprint(WIRE)), bad).toThrow(AppError);
  });
});

describe('resemblance', () => {
  it('is 1 for the same text and 0 for a text without words', () => {
    expect(resemblance(fingerprint(WIRE), fingerprint(WIRE))).toBe(1);
    expect(resemblance(fingerprint(''), fingerprint(''))).toBe(0);
    expect(resemblance(fingerprint(WIRE), fingerprint(''))).toBe(0);
  });

  it(`puts syndicated copy of a wire story (another intro line and footer) above NEAR_DUPLICATE = ${NEAR_DUPLICATE}`, () => {
    const r = resemblance(fingerprint(AGENCY), fingerprint(SYNDICATED));
    expect(r).toBeGreaterThan(NEAR_DUPLICATE);
    expect(r).toBeLessThan(1);
    // The exact Jaccard resemblance of the two texts' 3-word shingles is 0.896; the estimate is within its error of it.
    expect(Math.abs(r - 0.896)).toBeLessThan(0.075);
  });

  it('puts an unrelated article on the same events far below it, though they share most names and many words', () => {
    const r = resemblance(fingerprint(AGENCY), fingerprint(OTHER));
    expect(r).toBeLessThan(0.1);
    expect(r).toBeLessThan(NEAR_DUPLICATE / 4);
  });

  it('is symmetric and grows with the share of the text in common', () => {
    const paragraphs = WIRE.split('\n');
    const half = paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join('\n');
    const a = fingerprint(WIRE);
    const b = fingerprint(half + '\n' + OTHER.split('\n').slice(0, 8).join('\n'));
    expect(resemblance(a, b)).toBe(resemblance(b, a));
    expect(resemblance(a, b)).toBeGreaterThan(resemblance(a, fingerprint(OTHER)));
    expect(resemblance(a, b)).toBeLessThan(NEAR_DUPLICATE);
    // A text that is half of another resembles it at most half, whatever the signatures say.
    expect(resemblance(a, fingerprint(half))).toBeLessThanOrEqual(0.56);
  });
});
