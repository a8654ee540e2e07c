import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/speech/model/features.js';
import { highlightRuns } from './highlight.js';

const marked = (runs: { text: string; marked: boolean }[]) => runs.filter((r) => r.marked).map((r) => r.text);

describe('highlightRuns', () => {
  it('marks the explained words wherever they occur, whatever their case, and keeps every character', () => {
    const text = 'Zorbs are vermin, drive the ZORBS out!';
    const runs = highlightRuns(text, [
      { token: 'vermin', weight: 3 },
      { token: 'zorbs', weight: 1.5 },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(marked(runs)).toEqual(['Zorbs', 'vermin', 'ZORBS']);
  });

  it('matches whole words only, as the model tokenises them', () => {
    const runs = highlightRuns("zorbsville isn't zorbs", [{ token: 'zorbs', weight: 1 }]);
    expect(marked(runs)).toEqual(['zorbs']);
    expect(tokenize("zorbsville isn't zorbs")).toEqual(['zorbsville', "isn't", 'zorbs']);
  });

  it('marks both words of a word pair, in any script, and ignores words that pushed away', () => {
    const runs = highlightRuns('اطردوا الزوربيين الآن now', [
      { token: 'اطردوا الزوربيين', weight: 2 },
      { token: 'now', weight: -1 },
    ]);
    expect(marked(runs)).toEqual(['اطردوا', 'الزوربيين']);
  });

  it('marks nothing when the explanation is empty', () => {
    expect(highlightRuns('rain tomorrow', [])).toEqual([{ text: 'rain tomorrow', marked: false }]);
  });
});
