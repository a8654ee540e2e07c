import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../core/brand.js';
import type { CountryYear, CountryYearTable } from '../country-years/country-year.js';
import { EWP_COLUMNS } from '../country-years/ewp-columns.js';
import { atlasLandBorders } from './atlas-land-borders.js';
import { landBorders, type CountryTopology } from './land-borders.js';
import { NEIGHBOURHOOD_PREDICTORS, neighboursInYear, withNeighbourhood } from './neighbourhood.js';

const polygon = (a3: string, arcs: unknown): CountryTopology['objects']['countries']['geometries'][number] => ({
  type: Array.isArray(arcs) && Array.isArray((arcs as unknown[][])[0]?.[0]) ? 'MultiPolygon' : 'Polygon',
  arcs,
  properties: { a3 },
});

/**
 * RUS | UKR | POL in a row, TKM south of RUS, AFG south of TKM, and an island (JPN) sharing no arc:
 * arcs 0 RUS/UKR, 1 UKR/POL, 2 RUS/TKM, 3 TKM/AFG, 4..8 outer edges.
 */
const topology: CountryTopology = {
  objects: {
    countries: {
      geometries: [
        polygon('RUS', [[0, 2, 4]]),
        polygon('UKR', [[~0, 1, 5]]),
        polygon('POL', [[[~1, 6]]]),
        polygon('TKM', [[~2, 3, 7]]),
        polygon('AFG', [[~3, 8]]),
        polygon('JPN', [[9]]),
        { type: 'Point', properties: { a3: 'XXX' } },
      ],
    },
  },
};

const row = (countryCode: number, iso3: string, year: number, mk: number, battle: number): CountryYear => ({
  line: 0,
  countryCode,
  iso3: iso3 as Iso3,
  countryName: `${iso3}${countryCode}`,
  year,
  outcome: 0,
  outcomeObserved: true,
  onset: 0,
  predictors: Float64Array.from([year, mk, battle]),
  complete: Number.isFinite(mk) && Number.isFinite(battle),
});

describe('landBorders', () => {
  it('links polygons that share an arc, either way round, and nothing else', () => {
    const borders = landBorders(topology);
    expect([...borders.get('RUS')!].sort()).toEqual(['TKM', 'UKR']);
    expect([...borders.get('UKR')!].sort()).toEqual(['POL', 'RUS']);
    expect([...borders.get('POL')!]).toEqual(['UKR']);
    expect(borders.has('JPN')).toBe(false);
    expect(borders.has('XXX')).toBe(false);
  });

  it('reads the atlas the web map draws: real borders, Kosovo and the mended Sudan border', async () => {
    const borders = await atlasLandBorders();
    expect([...borders.get('SDN')!].sort()).toEqual(['CAF', 'EGY', 'ERI', 'ETH', 'LBY', 'SSD', 'TCD']);
    expect([...borders.get('XKX')!].sort()).toEqual(['ALB', 'MKD', 'MNE', 'SRB']);
    expect(borders.get('FRA')!.has('DEU')).toBe(true);
    expect(borders.has('JPN')).toBe(false);
  });
});

describe('neighbourhood predictors', () => {
  const borders = landBorders(topology);

  it('gives a state the borders of the polygons it held while their states were absent', () => {
    // 1985: the USSR (RUS) holds UKR and TKM, so it borders POL and AFG.
    const y1985 = [row(365, 'RUS', 1985, 0, 0), row(290, 'POL', 1985, 0, 0), row(700, 'AFG', 1985, 0, 0)];
    const nb1985 = neighboursInYear(y1985, borders);
    expect(
      nb1985
        .get(y1985[0]!)!
        .map((r) => r.iso3)
        .sort(),
    ).toEqual(['AFG', 'POL']);
    expect(nb1985.get(y1985[2]!)!.map((r) => r.iso3)).toEqual(['RUS']);
    // 1995: its successors border their own neighbours.
    const y1995 = [...['RUS', 'UKR', 'POL', 'TKM', 'AFG'].map((c, i) => row(i, c, 1995, 0, 0)), row(9, 'JPN', 1995, 0, 0)];
    const nb1995 = neighboursInYear(y1995, borders);
    const names = (iso3: string): string[] =>
      nb1995
        .get(y1995.find((r) => r.iso3 === iso3)!)!
        .map((r) => r.iso3)
        .sort();
    expect(names('RUS')).toEqual(['TKM', 'UKR']);
    expect(names('AFG')).toEqual(['TKM']);
    expect(names('JPN')).toEqual([]);
  });

  it('counts neighbours, mass killings under way and battle deaths in the same year only, NA as nothing', () => {
    const predictors = ['year', 'mk_ongoing_count_log2', 'battledeaths.log2'];
    const table: CountryYearTable = {
      columns: { ...EWP_COLUMNS, predictors },
      rows: [
        row(1, 'UKR', 2000, 0, 0),
        row(2, 'RUS', 2000, 1, 9.5),
        row(3, 'POL', 2000, Number.NaN, 4),
        row(4, 'UKR', 2001, 0, Number.NaN),
        row(5, 'RUS', 2001, 0, 0),
        // Two units on one polygon (East and West Germany) border each other.
        row(6, 'TKM', 2001, 1, Number.NaN),
        row(7, 'TKM', 2001, 0, 2),
      ],
    };
    const out = withNeighbourhood(table, borders);
    expect(out.columns.predictors).toEqual([...predictors, ...NEIGHBOURHOOD_PREDICTORS]);
    const nb = out.rows.map((r) => Array.from(r.predictors.subarray(3)));
    expect(nb[0]).toEqual([2, 1, 2, 9.5]);
    expect(nb[1]).toEqual([1, 0, 0, 0]);
    expect(nb[3]).toEqual([1, 0, 0, 0]);
    expect(nb[4]).toEqual([3, 1, 1, 2]);
    expect(nb[5]).toEqual([2, 0, 1, 2]);
    expect(out.rows.map((r) => r.complete)).toEqual(table.rows.map((r) => r.complete));
    expect(() => withNeighbourhood({ ...table, columns: { ...table.columns, predictors: ['year', 'a', 'b'] } }, borders)).toThrow(
      /mk_ongoing_count_log2/,
    );
  });
});
