import type { CountryYear, CountryYearTable } from '../country-years/country-year.js';
import type { LandBorders } from './land-borders.js';

/**
 * Who held a polygon before its own state entered the country-year table (or, for a territory
 * that never does, who holds it): the Soviet Union's republics (RUS, as EWP codes the USSR 365),
 * Yugoslavia's (SRB, 345), Slovakia under Czechoslovakia (CZE, 315), South Sudan, Eritrea,
 * Bangladesh, Timor-Leste and Namibia before independence, Western Sahara, Somaliland, northern
 * Cyprus and the Palestinian territories. A polygon whose own state is absent for another reason
 * (a year outside its data) and that has no entry here belongs to nobody that year.
 */
export const HISTORIC_HOLDER: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['UKR', 'BLR', 'MDA', 'EST', 'LVA', 'LTU', 'ARM', 'GEO', 'AZE', 'KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'].map((c) => [c, 'RUS']),
  ),
  ...Object.fromEntries(['HRV', 'SVN', 'BIH', 'MKD', 'MNE', 'XKX'].map((c) => [c, 'SRB'])),
  SVK: 'CZE',
  SSD: 'SDN',
  ERI: 'ETH',
  BGD: 'PAK',
  TLS: 'IDN',
  NAM: 'ZAF',
  ESH: 'MAR',
  SOL: 'SOM',
  CYN: 'CYP',
  PSE: 'ISR',
};

/**
 * The neighbourhood predictors (the Political Instability Task Force's "bad neighbourhood",
 * Goldstone et al. 2010, and the spread of mass killing across borders), from the same year's rows
 * of the land neighbours: how many there are, how many have a mass killing under way
 * (`mk_ongoing_count_log2` > 0), how many have battle deaths (`battledeaths.log2` > 0), and the
 * largest `battledeaths.log2` among them (0 with none). A neighbour's NA counts as nothing.
 */
export const NEIGHBOURHOOD_PREDICTORS = ['nb.count', 'nb.mk_ongoing', 'nb.battle', 'nb.battledeaths_max'] as const;

const MK_ONGOING = 'mk_ongoing_count_log2';
const BATTLE_DEATHS = 'battledeaths.log2';

/**
 * The rows bordering each row of one year's rows: units whose territory that year (own polygon
 * plus the polygons `HISTORIC_HOLDER` gives it while their states are absent) shares a land
 * border with the row's, and units coded to the same polygon (East and West Germany, the two
 * Yemens, the two Vietnams).
 */
export function neighboursInYear(rows: readonly CountryYear[], borders: LandBorders): Map<CountryYear, CountryYear[]> {
  const present = new Set<string>(rows.map((r) => r.iso3));
  const polygons = new Set<string>([...borders.keys(), ...Object.keys(HISTORIC_HOLDER)]);
  const holder = (polygon: string): string | undefined => {
    for (let code: string | undefined = polygon, hops = 0; code !== undefined && hops < 8; hops++) {
      if (present.has(code)) return code;
      code = HISTORIC_HOLDER[code];
    }
    return undefined;
  };
  // Present code -> present codes across a land border.
  const across = new Map<string, Set<string>>();
  for (const polygon of polygons) {
    const from = holder(polygon);
    if (from === undefined) continue;
    for (const other of borders.get(polygon) ?? []) {
      const to = holder(other);
      if (to === undefined || to === from) continue;
      let set = across.get(from);
      if (!set) across.set(from, (set = new Set()));
      set.add(to);
    }
  }
  const byCode = new Map<string, CountryYear[]>();
  for (const row of rows) {
    const list = byCode.get(row.iso3);
    if (list) list.push(row);
    else byCode.set(row.iso3, [row]);
  }
  const result = new Map<CountryYear, CountryYear[]>();
  for (const row of rows) {
    const sharing = byCode.get(row.iso3)!.filter((r) => r !== row);
    const bordering = [...(across.get(row.iso3) ?? [])].flatMap((code) => byCode.get(code) ?? []);
    result.set(row, [...sharing, ...bordering]);
  }
  return result;
}

/**
 * The table with the `NEIGHBOURHOOD_PREDICTORS` added to every row. Only rows of the same year are
 * read, so a forecast from year t uses what is known in year t. The new values are never NA, so a
 * row is complete exactly when it was before and a back-test scores the same country-years.
 */
export function withNeighbourhood(table: CountryYearTable, borders: LandBorders): CountryYearTable {
  const names = table.columns.predictors;
  const mk = names.indexOf(MK_ONGOING);
  const battle = names.indexOf(BATTLE_DEATHS);
  if (mk < 0 || battle < 0) throw new Error(`the neighbourhood predictors need the columns ${MK_ONGOING} and ${BATTLE_DEATHS}`);
  const byYear = new Map<number, CountryYear[]>();
  for (const row of table.rows) {
    const list = byYear.get(row.year);
    if (list) list.push(row);
    else byYear.set(row.year, [row]);
  }
  const neighbours = new Map<CountryYear, CountryYear[]>();
  for (const rows of byYear.values()) for (const [row, list] of neighboursInYear(rows, borders)) neighbours.set(row, list);

  const p = names.length;
  const rows = table.rows.map((row) => {
    const around = neighbours.get(row)!;
    const predictors = new Float64Array(p + NEIGHBOURHOOD_PREDICTORS.length);
    predictors.set(row.predictors);
    let withKilling = 0;
    let withBattles = 0;
    let maxDeaths = 0;
    for (const n of around) {
      const m = n.predictors[mk]!;
      const b = n.predictors[battle]!;
      if (m > 0) withKilling++;
      if (b > 0) {
        withBattles++;
        maxDeaths = Math.max(maxDeaths, b);
      }
    }
    predictors.set([around.length, withKilling, withBattles, maxDeaths], p);
    return { ...row, predictors };
  });
  return { columns: { ...table.columns, predictors: [...names, ...NEIGHBOURHOOD_PREDICTORS] }, rows };
}
