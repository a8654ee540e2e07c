import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { HATEXPLAIN_GROUPS, readDavidson, readHateXplain, readMlma, type LabelledPost, type SpeechLabel } from './corpus.js';

const countLabels = (posts: readonly LabelledPost[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const p of posts) out[p.label ?? 'null'] = (out[p.label ?? 'null'] ?? 0) + 1;
  return out;
};
const labels = (hatespeech: number, offensive: number, normal: number): Record<SpeechLabel, number> => ({
  hatespeech,
  offensive,
  normal,
});

// Content warning: these suites read real posts; they assert counts and hashes only, never print text.
describeWithSharedData('HateXplain reader on ../shared/data/hate/hatexplain', () => {
  it('reads the official split sizes and label counts of SOURCE.md, every post labelled', async () => {
    const hx = await readHateXplain(sharedData('hate/hatexplain'));
    expect([hx.train.length, hx.val.length, hx.test.length]).toEqual([15383, 1922, 1924]);
    expect(countLabels(hx.train)).toEqual(labels(4748, 4384, 6251));
    expect(countLabels(hx.val)).toEqual(labels(593, 548, 781));
    expect(countLabels(hx.test)).toEqual(labels(594, 548, 782));
    expect(hx.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Every bias group has test posts named by at least 2 of 3 annotators; "None" is never a group.
    for (const g of HATEXPLAIN_GROUPS) expect(hx.test.filter((p) => p.targets.includes(g)).length).toBeGreaterThan(20);
    expect(hx.test.some((p) => p.targets.includes('None'))).toBe(false);
    expect(hx.test.every((p) => p.language === 'en' && p.text.length > 0)).toBe(true);
  });
});

describeWithSharedData('Davidson 2017 reader on ../shared/data/hate/davidson2017', () => {
  it('holds out the 2,479 tweets of train_test_split(random_state=42, test_size=0.1), with its supports', async () => {
    const d = await readDavidson(sharedData('hate/davidson2017'));
    expect(d.train.length + d.test.length).toBe(24783);
    // Supports of the held-out set in the authors' Python 3.6 notebook (SOURCE.md): 164 / 1,905 / 410.
    expect(countLabels(d.test)).toEqual(labels(164, 1905, 410));
    expect(countLabels([...d.train, ...d.test])).toEqual(labels(1430, 19190, 4163));
    expect(d.sha256.slice(0, 16)).toBe('fcb8bc7c68120ae4');
  });
});

describeWithSharedData('MLMA reader on ../shared/data/hate/mlma', () => {
  it('maps French and Arabic sentiments to our labels and counts the posts that map to none', async () => {
    const fr = await readMlma(sharedData('hate/mlma'), 'fr');
    const ar = await readMlma(sharedData('hate/mlma'), 'ar');
    expect(fr.sha256.slice(0, 16)).toBe('6b5cafa5f8986127');
    expect(ar.sha256.slice(0, 16)).toBe('8ece80926bff4296');
    // Counts from an independent Python reading of the same files with the documented mapping.
    expect(countLabels(fr.posts)).toEqual(labels(324, 2330, 821));
    expect(countLabels(ar.posts)).toEqual(labels(693, 1451, 915));
    expect([fr.excluded, ar.excluded]).toEqual([539, 294]);
    expect(ar.posts.filter((p) => p.targets.includes('Women')).length).toBe(596);
    expect(fr.posts.every((p) => p.language === 'fr')).toBe(true);
  });
});
