import { describe, expect, it } from 'vitest';
import { SHIPPED_CATALOGUE, parseCatalogue } from './catalogue.js';
import { MEASURE_KINDS, type CatalogueMeasure } from './measure.js';
import { rankMeasures } from './recommend.js';

const m = (id: string, kind: CatalogueMeasure['kind'], riskFactors: string[], active = true): CatalogueMeasure => ({
  id,
  kind,
  title: id,
  description: id,
  riskFactors,
  active,
});

describe('the shipped catalogue', () => {
  it('has 30-40 measures covering every kind and every risk factor RF1..RF14', () => {
    expect(SHIPPED_CATALOGUE.length).toBeGreaterThanOrEqual(30);
    expect(SHIPPED_CATALOGUE.length).toBeLessThanOrEqual(40);
    expect(new Set(SHIPPED_CATALOGUE.map((x) => x.kind))).toEqual(new Set(MEASURE_KINDS));
    const covered = new Set(SHIPPED_CATALOGUE.flatMap((x) => x.riskFactors));
    for (let i = 1; i <= 14; i++) expect(covered.has(`RF${i}`), `RF${i}`).toBe(true);
  });

  it('refuses a catalogue with a duplicate id or an unknown risk factor, naming the entry', () => {
    const entry = { id: 'a', kind: 'legal', title: 't', description: 'd', riskFactors: ['RF1'] };
    expect(() => parseCatalogue({ source: 's', measures: [entry, entry] })).toThrow(/measures\.1\.id: "a" appears twice/);
    expect(() => parseCatalogue({ source: 's', measures: [{ ...entry, riskFactors: ['RF15'] }] })).toThrow(
      /measures\.0\.riskFactors\.0/,
    );
  });
});

describe('rankMeasures', () => {
  const catalogue = [
    m('d1', 'diplomatic', ['RF9']),
    m('d2', 'diplomatic', ['RF9', 'RF10']),
    m('d3', 'diplomatic', ['RF9']),
    m('l1', 'legal', ['RF9']),
    m('h1', 'humanitarian', ['RF1']),
    m('off', 'legal', ['RF9', 'RF10'], false),
  ];

  it('puts the measures addressing most of the risk factors first, with the reason', () => {
    const r = rankMeasures(catalogue, ['RF9', 'RF10']);
    expect(r[0]).toMatchObject({ id: 'd2', addresses: ['RF9', 'RF10'], reason: 'addresses RF9, RF10' });
  });

  it('spreads equal measures over kinds before repeating a kind', () => {
    expect(rankMeasures(catalogue, ['RF9', 'RF10']).map((x) => x.id)).toEqual(['d2', 'l1', 'd1', 'd3']);
  });

  it('leaves out inactive measures and those addressing none of the factors, and honours the limit', () => {
    const ids = rankMeasures(catalogue, ['RF9'], 2).map((x) => x.id);
    expect(ids).toEqual(['d1', 'l1']);
    expect(rankMeasures(catalogue, [])).toEqual([]);
  });

  it('accepts lower case and repeats, and refuses a malformed id with its position', () => {
    expect(rankMeasures(catalogue, ['rf1', 'RF1']).map((x) => x.id)).toEqual(['h1']);
    expect(() => rankMeasures(catalogue, ['RF1', 'genocide'])).toThrow(/riskFactors\[1\]: "genocide"/);
  });

  it('recommends from the shipped catalogue at least one measure of several kinds for genocide risk factors', () => {
    const r = rankMeasures(SHIPPED_CATALOGUE, ['RF9', 'RF10']);
    expect(r).toHaveLength(8);
    expect(new Set(r.map((x) => x.kind)).size).toBeGreaterThanOrEqual(4);
    for (const x of r) expect(x.addresses.length).toBeGreaterThan(0);
  });
});
