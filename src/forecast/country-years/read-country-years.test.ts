import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { readCountryYears } from './read-country-years.js';
import { forecastRows, trainingExclusions, trainingRows } from './training-set.js';

describe('readCountryYears', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-country-years-'));

  it('says which file is missing (invalid_input)', async () => {
    await expect(readCountryYears(join(dir, 'none.csv'))).rejects.toMatchObject({
      code: 'invalid_input',
      message: /none\.csv: no such file/,
    });
  });

  it('refuses a binary file (invalid_format)', async () => {
    const file = join(dir, 'binary.csv');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    await expect(readCountryYears(file)).rejects.toMatchObject({ code: 'invalid_format', message: /binary/ });
  });
});

describeWithSharedData("EWP's prepared country-year file", () => {
  it('reads 9,463 rows of 173 countries, 1960-2024, every country code resolved', async () => {
    const table = await readCountryYears(sharedData('ewp/prepared2024predictors-2025-09-03.csv'));
    expect(table.rows).toHaveLength(9463);
    expect(new Set(table.rows.map((r) => r.countryCode)).size).toBe(173);
    expect(Math.min(...table.rows.map((r) => r.year))).toBe(1960);
    expect(Math.max(...table.rows.map((r) => r.year))).toBe(2024);
    const gdr = table.rows.find((r) => r.countryName === 'East Germany')!;
    expect(gdr).toMatchObject({ countryCode: 265, iso3: 'DEU' });
    expect(table.rows.find((r) => r.countryName === 'Kosovo')!.iso3).toBe('XKX');
  });

  it('trains on 8,970 rows to 2022: 155 lack a predictor, 2 (Czechoslovakia 1991-92) an observed outcome', async () => {
    const table = await readCountryYears(sharedData('ewp/prepared2024predictors-2025-09-03.csv'));
    expect(trainingRows(table, 2022).rows).toHaveLength(8970);
    expect(trainingExclusions(table, 2022)).toEqual({ incompletePredictors: 155, outcomeUnobserved: 2 });
    const unobserved = table.rows.filter((r) => r.year <= 2022 && r.complete && !r.outcomeObserved);
    expect(unobserved.map((r) => `${r.countryName} ${r.year}`)).toEqual(['Czechoslovakia 1991', 'Czechoslovakia 1992']);
    expect(trainingRows(table, 2024).rows.every((r) => r.year <= 2022)).toBe(true);
    expect(forecastRows(table, 2024).rows).toHaveLength(168);
  });
});
