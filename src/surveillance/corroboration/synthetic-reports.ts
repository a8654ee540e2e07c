import { seededRandom } from '../../core/seeded-random.js';
import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { EventSource } from '../../events/event.js';
import type { ViolenceCategory } from '../../events/violence-category.js';
import type { CorroborationEvent } from './corroboration-match.js';

export interface SyntheticReportsOptions {
  /** Number of reports to make. */
  reports: number;
  /** Seed of the pseudo-random generator: the same seed gives the same reports. */
  seed: number;
  /** Days the reports spread over, from 2000-01-01 (default 3650). */
  days?: number;
  /** Share of reports that repeat an earlier incident from another source (default 0.4). */
  repeatShare?: number;
  country?: Iso3;
}

/**
 * Made-up reports of one country for benchmarks: incidents spread over a 6 x 6 degree box and
 * `days` days, some reported again by another source up to a day and ~10 km away. Not data.
 */
export function syntheticReports(options: SyntheticReportsOptions): CorroborationEvent[] {
  const generator = seededRandom(options.seed);
  const random = (): number => generator.nextFloat();
  const days = options.days ?? 3650;
  const repeatShare = options.repeatShare ?? 0.4;
  const country = options.country ?? ('COD' as Iso3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const incidents: Incident[] = [];
  const out: CorroborationEvent[] = [];
  for (let id = 1; id <= options.reports; id++) {
    const repeat = incidents.length > 0 && random() < repeatShare;
    const incident = repeat
      ? incidents[incidents.length - 1 - Math.floor(random() * Math.min(50, incidents.length))]!
      : { day: Math.floor(random() * days), latitude: -6 + random() * 6, longitude: 22 + random() * 6, category: pick(VIOLENCE) };
    if (!repeat) incidents.push(incident);
    const date = isoDay(incident.day + (repeat ? Math.floor(random() * 2) : 0));
    const source = pick(SOURCES);
    out.push({
      id,
      source,
      dateStart: date,
      dateEnd: date,
      countryIso3: country,
      admin1: `Province ${Math.floor(incident.latitude * 2) + 12}`,
      latitude: incident.latitude + (repeat ? (random() - 0.5) * 0.15 : 0),
      longitude: incident.longitude + (repeat ? (random() - 0.5) * 0.15 : 0),
      locationPrecision: random() < 0.85 ? 'exact' : 'admin1',
      category: incident.category,
      fatalitiesBest: source === 'gdelt' ? null : Math.floor(random() * 20),
    });
  }
  return out;
}

interface Incident {
  day: number;
  latitude: number;
  longitude: number;
  category: ViolenceCategory;
}

const SOURCES: readonly EventSource[] = ['ucdp', 'acled', 'gdelt'];
const VIOLENCE: readonly ViolenceCategory[] = ['one-sided', 'state-based', 'non-state', 'remote-violence'];
const isoDay = (day: number): IsoDate => new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10) as IsoDate;
