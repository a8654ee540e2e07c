import { describe, expect, it } from 'vitest';
import { isFormatProblem } from '../source-format.js';
import { detectAcledLayout } from './acled-layout.js';
import { fixtureRecords, layoutOf } from './fixtures/fixture-records.js';

describe('detectAcledLayout', () => {
  it('detects the 2020 layout and records the index of every column', () => {
    const layout = layoutOf(fixtureRecords('acled-2020.csv').header);
    expect(layout.generation).toBe('2020');
    expect(layout.columns).toMatchObject({ data_id: 0, iso: 1, event_id_cnty: 2, event_date: 4, notes: 27, iso3: 30 });
    expect(Object.keys(layout.columns)).toHaveLength(31);
    expect(layout.columns.civilian_targeting).toBeUndefined();
  });

  it('detects the 2023 layout (disorder_type, civilian_targeting, tags; no iso3) from a CRLF file', () => {
    const layout = layoutOf(fixtureRecords('acled-2023.csv').header);
    expect(layout.generation).toBe('2023');
    expect(layout.columns).toMatchObject({ event_id_cnty: 0, civilian_targeting: 14, iso: 15, timestamp: 30 });
    expect(layout.columns.iso3).toBeUndefined();
    expect(layout.header[30]).toBe('timestamp');
  });

  it('reads the 2024 header (same as 2023) with a BOM and an extra column', () => {
    const layout = layoutOf(fixtureRecords('acled-2024.csv').header);
    expect(layout.generation).toBe('2023');
    expect(layout.header[0]).toBe('event_id_cnty');
    expect(layout.header[31]).toBe('population_best');
    expect(layout.columns.event_id_cnty).toBe(0);
  });

  it('matches names case-insensitively and trimmed, in any order', () => {
    const header = fixtureRecords('acled-2023.csv')
      .header.map((h) => ` ${h.toUpperCase()} `)
      .reverse();
    const layout = layoutOf(['\uFEFFextra', ...header]);
    expect(layout.columns.event_id_cnty).toBe(31);
    expect(layout.columns.timestamp).toBe(1);
    expect(layout.header[31]).toBe('EVENT_ID_CNTY');
  });

  it('refuses a file that is not ACLED, naming the missing core columns', () => {
    const result = detectAcledLayout(fixtureRecords('not-acled.csv').header);
    expect(isFormatProblem(result) && result.problem).toMatch(
      /^not an ACLED CSV: missing columns event_id_cnty, event_date, time_precision/,
    );
  });

  it('names exactly the missing columns', () => {
    const header = fixtureRecords('acled-2020.csv').header.filter((h) => h !== 'event_id_cnty' && h !== 'event_date');
    expect(detectAcledLayout(header)).toEqual({ problem: 'not an ACLED CSV: missing columns event_id_cnty, event_date' });
  });

  it('refuses duplicate known columns', () => {
    const header = [...fixtureRecords('acled-2020.csv').header, 'Fatalities'];
    expect(detectAcledLayout(header)).toEqual({ problem: 'ACLED CSV with duplicate columns fatalities' });
  });
});
