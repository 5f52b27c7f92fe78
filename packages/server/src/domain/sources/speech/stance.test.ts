import { describe, expect, it } from 'vitest';
import type { Roster } from '../read/roster.ts';
import rosterJson from './fixtures/roster.json' with { type: 'json' };
import { readStatements } from './index.ts';

const roster = rosterJson as Roster;
const stance = (body: string, language = 'en') => {
  const s = readStatements(body, { language, published: '2014-11-20', roster })[0]!;
  return [s.stance, s.trigger?.text ?? null];
};

describe('stance', () => {
  it('reads an appeal to negotiate', () => {
    expect(stance('Russia will spare no effort to convene another round, Lukashevich said.')).toEqual(['appeal', 'spare no effort']);
    expect(stance('Tagliavini called for an immediate return to the talks.')).toEqual(['appeal', 'called for']);
    expect(stance('Kuchma urged the rebels to come to Minsk.')).toEqual(['appeal', 'urged']);
    expect(stance('Тальявіні закликала сторони повернутися до переговорів.', 'uk')).toEqual(['appeal', 'закликала']);
  });

  it('reads a commitment', () => {
    expect(stance('Kuchma said Ukraine will withdraw its artillery.')).toEqual(['commitment', 'will']);
    expect(stance('Zurabov pledged that Russia would support the monitors.')).toEqual(['commitment', 'pledged']);
    // "will" as a noun commits no one.
    expect(stance('Lukashevich said Moscow respected the will of the voters.')).toEqual(['claim', 'said']);
  });

  it('reads a condition', () => {
    expect(stance('Kuchma said a meeting was not viable while the firing continued.')).toEqual(['condition', 'not viable while']);
    expect(stance('Pushilin said the rebels would come only if Kiev lifted the blockade.')).toEqual(['condition', 'only if']);
    expect(stance('Kuchma said there would be no talks unless the shelling stopped.')).toEqual(['condition', 'unless']);
    expect(stance('“We will respect the truce as long as they do,” Zakharchenko said.')).toEqual(['condition', 'as long as']);
    expect(stance('Лукашевич заявил, что встреча возможна только если Киев прекратит огонь.', 'ru')).toEqual(['condition', 'только если']);
    // A plain "while" joins two facts.
    expect(stance('Kuchma said the talks began on Monday while the monitors arrived.')).toEqual(['claim', 'said']);
  });

  it('reads an accusation', () => {
    expect(stance('The rebels accused Kyiv of shelling Donetsk.')).toEqual(['accusation', 'accused']);
    expect(stance('Moscow blamed Kiev for the cancellation.')).toEqual(['accusation', 'blamed']);
    expect(stance('Kuchma said the rebels had violated the ceasefire.')).toEqual(['accusation', 'violated']);
    expect(stance('Захарченко обвинил Киев в срыве переговоров.', 'ru')).toEqual(['accusation', 'обвинил']);
  });

  it('reads a denial, before the rejection its words also show', () => {
    expect(stance('Moscow denied that its troops were in Ukraine.')).toEqual(['denial', 'denied']);
    expect(stance('Zurabov rejected claims that Russian soldiers were fighting.')).toEqual(['denial', 'rejected claims']);
    expect(stance('Lukashevich insisted the vote did not violate the protocol.')).toEqual(['denial', 'did not violate']);
  });

  it('reads a rejection', () => {
    expect(stance('Kyiv rejected the proposal for a new round.')).toEqual(['rejection', 'rejected']);
    expect(stance('Zakharchenko ruled out any talks on the line.')).toEqual(['rejection', 'ruled out']);
    expect(stance('“We will not give up our land,” Zakharchenko said.')).toEqual(['rejection', 'will not']);
  });

  it('calls a refusal told of someone other than the speaker an accusation', () => {
    expect(stance('Ukrainian officials said the rebels had refused to confirm their participation.')).toEqual(['accusation', 'refused']);
    expect(stance('Kuchma said we refused to sign the paper.')).toEqual(['rejection', 'refused']);
  });

  it("calls a side's assertion of fact a claim and anyone else's a report", () => {
    expect(stance('Kuchma said the monitors had arrived in Donetsk.')).toEqual(['claim', 'said']);
    expect(stance('Lukashevich insisted the monitors had arrived.')).toEqual(['claim', 'insisted']);
    expect(stance('More than 4,300 people have been killed since mid-April, according to the United Nations.')).toEqual(['report', null]);
  });
});
