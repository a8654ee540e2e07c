import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { readCountryYears } from '../country-years/read-country-years.js';
import { EWP_BACKTEST, runBacktest, type BacktestResult } from './backtest.js';
import { workerRefitRunner } from '../parallel/parallel-runs.js';

describeWithSharedData('the EWP back-test (31 refits, 1991-2021) with our elastic net', () => {
  let result: BacktestResult;
  beforeAll(async () => {
    const table = await readCountryYears(sharedData('ewp/prepared2024predictors-2025-09-03.csv'));
    result = await runBacktest(table, EWP_BACKTEST, workerRefitRunner(2));
  }, 120_000);

  it('refits 31 times, trained through 1991-2021, forecasting from 1993-2023', () => {
    expect(result.refits).toHaveLength(31);
    expect(result.refits.every((r) => r.error === null)).toBe(true);
    expect(result.refits[0]).toMatchObject({ trainedThrough: 1991, forecastYear: 1993 });
    expect(result.refits[30]).toMatchObject({ trainedThrough: 2021, forecastYear: 2023 });
    expect(result.settings).toMatchObject({
      seed: 90035,
      folds: 10,
      alpha: 0.5,
      lambdaRule: 'lambda.min',
      scoredYears: [1994, 2024],
    });
  });

  it("scores exactly the 5,032 country-years (39 onsets) of EWP's FOOSforecasts file", () => {
    const foos = Papa.parse<Record<string, string>>(readFileSync(sharedData('ewp/FOOSforecasts_3Sep2025.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.filter((r) => r.maxrisk2 !== 'NA');
    const key = (code: number | string, year: number | string) => `${code}:${year}`;
    expect(new Set(result.scored.map((s) => key(s.countryCode, s.year)))).toEqual(
      new Set(foos.map((r) => key(r.ccode!, r.year!))),
    );
    expect(result.metrics).toMatchObject({ countryYears: 5032, onsets: 39 });
    expect(result.leftOut).toEqual({ withoutForecast: 15, onsetUnknown: 0 });
  });

  it("lands on EWP's figures: AUC 0.825 +- 0.01 and 27 +- 2 of 39 onsets in the top 30", () => {
    expect(Math.abs(result.metrics.auc - 0.825)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(result.metrics.hits - 27)).toBeLessThanOrEqual(2);
    expect(result.metrics.brier).toBeGreaterThan(0);
    expect(result.metrics.brier).toBeLessThan(0.02);
    expect(result.metrics.reliability).toHaveLength(10);
    expect(result.metrics.reliability.reduce((s, b) => s + b.events, 0)).toBe(39);
  });

  it('says how uncertain its figures are: the 95% intervals bracket them, and hold the issue targets 0.86 and 80%', () => {
    const { auc, aucInterval, topKRecall, topKRecallInterval } = result.metrics;
    expect(aucInterval!.low).toBeLessThan(auc);
    expect(aucInterval!.high).toBeGreaterThan(0.86);
    expect(topKRecallInterval!.low).toBeLessThan(topKRecall);
    expect(topKRecallInterval!.high).toBeGreaterThan(0.8);
  });

  it('misses the onsets EWP misses: Libya 2011 and CAR 2013 far outside the top 30', () => {
    const missed = new Map(result.missedOnsets.map((m) => [`${m.countryName} ${m.year}`, m.minrank2]));
    expect(missed.get('Libya 2011')).toBeGreaterThan(60);
    expect(missed.get('Central African Republic 2013')).toBeGreaterThan(30);
  });
});
