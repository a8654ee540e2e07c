import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { detect, needsCounts } from './detect.js';
import { differences, FIXTURE_CASES, parseReference, SHARED_CASES, type GoldenCase } from './fixtures/golden-cases.js';
import { readSeriesColumn } from './series-csv.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Runs `detect()` on the case's series and compares with the R output: bounds to 1e-6 relative, alarms and NA exactly. */
function checkCase(c: GoldenCase, path: (file: string) => string): void {
  const series = readSeriesColumn(readFileSync(path(c.series), 'utf8'), c.column, c.series, needsCounts(c.options.method));
  const expected = parseReference(readFileSync(path(c.ref), 'utf8'));
  const actual = detect(series, c.options);
  expect(differences(actual, expected)).toEqual([]);
  expect(expected.length).toBeGreaterThan(0);
}

describeWithSharedData('detect() against every reference output of ../shared/data/surveillance', () => {
  it('covers every ref_* file there', () => {
    const files = readdirRefs(sharedData('surveillance'));
    expect(SHARED_CASES.map((c) => c.ref).sort()).toEqual(files);
  });
  for (const c of SHARED_CASES) {
    it(`reproduces ${c.ref}`, () => checkCase(c, (f) => sharedData(`surveillance/${f}`)));
  }
});

describe('detect() against the reference outputs made for Tocsin (fixtures/README.md)', () => {
  it('covers every ref_* file of fixtures/', () => {
    const files = readdirRefs(FIXTURES).filter((f) => !f.includes('_rcode_'));
    expect(FIXTURE_CASES.map((c) => c.ref).sort()).toEqual(files);
  });
  for (const c of FIXTURE_CASES) {
    it(`reproduces ${c.ref}`, () => checkCase(c, (f) => join(FIXTURES, f)));
  }
});

function readdirRefs(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('ref_') && f.endsWith('.csv'))
    .sort();
}
