import { describe, expect, it } from 'vitest';
import { layOut, type TextRun } from './pdf.ts';

/** Runs one to a line, at 12 pt with the given baselines; a left indent where given. */
const lines = (...ls: [string, number, number?][]): TextRun[] => ls.map(([str, y, x = 72]) => ({ str, x, y, width: str.length * 6, height: 12, hasEOL: true }));

describe('layOut', () => {
  it('joins lines into paragraphs, breaking where the gap is wider than the line spacing', () => {
    const page = lines(['First line of the', 720], ['first paragraph.', 706], ['Second paragraph', 680], ['goes on here.', 666]);
    expect(layOut([page])).toBe('First line of the first paragraph.\n\nSecond paragraph goes on here.');
  });

  it('breaks a paragraph at an indented first line', () => {
    const page = lines(['The talks ended.', 720], ['A new round starts', 706, 90], ['in May.', 692]);
    expect(layOut([page])).toBe('The talks ended.\n\nA new round starts in May.');
  });

  it('joins hyphenated words and soft hyphens, keeping a hyphen before a capital', () => {
    const page = lines(['the demar-', 720], ['cation line and the Kyiv-', 706], ['Moscow road, a disen\u00ad', 692], ['gagement zone.', 678]);
    expect(layOut([page])).toBe('the demarcation line and the Kyiv- Moscow road, a disengagement zone.');
  });

  it('puts runs on one line together, adding spaces only where the gap shows one', () => {
    const page: TextRun[] = [
      { str: 'Cease', x: 72, y: 720, width: 30, height: 12, hasEOL: false },
      { str: 'fire', x: 102, y: 720, width: 20, height: 12, hasEOL: false },
      { str: 'holds', x: 128, y: 720, width: 30, height: 12, hasEOL: false },
      { str: '', x: 0, y: 0, width: 0, height: 0, hasEOL: true },
      { str: 'at dawn.', x: 72, y: 706, width: 40, height: 12, hasEOL: true },
    ];
    expect(layOut([page])).toBe('Ceasefire holds at dawn.');
  });

  it('continues a paragraph across pages when it did not end, and breaks where it did', () => {
    expect(layOut([lines(['The report says that', 720]), lines(['the line held.', 720]), lines(['Next page.', 720])])).toBe(
      'The report says that the line held.\n\nNext page.',
    );
  });

  it('reads a second column after the first, continuing an unfinished paragraph', () => {
    const page = lines(['Left column text', 720], ['runs on and', 706], ['continues at the top', 720, 320], ['of the right column.', 706, 320]);
    expect(layOut([page])).toBe('Left column text runs on and continues at the top of the right column.');
  });
});
