import { EARTH_RADIUS_KM, KM_PER_DEGREE, type PreparedEvent } from './corroboration-match.js';

/** Something indexed by its anchor event (a cluster being built). */
export interface Anchored {
  anchor: PreparedEvent;
}

/**
 * The anchors still within reach of the events to come, indexed by country and place: a grid of
 * cells about `radiusKm` wide for distance-comparable anchors, and admin1 names for the rest.
 * Events must be offered in order of `dayStart`: an anchor whose range ended more than `windowDays`
 * before the current event can match no later event, so it is dropped when next met. Each lookup
 * thus costs the anchors near in time and place (k), and a whole run O(n * k), not O(n^2).
 */
export class AnchorWindow<T extends Anchored> {
  private readonly grid = new Map<string, T[]>();
  private readonly byAdmin1 = new Map<string, T[]>();
  /** Cell size in degrees, chosen so that 360 is a whole number of cells (longitudes wrap cleanly). */
  private readonly cellDegrees: number;
  private readonly lonCells: number;
  private readonly radiusDegrees: number;

  constructor(
    private readonly radiusKm: number,
    private readonly windowDays: number,
  ) {
    this.lonCells = Math.ceil(360 / (radiusKm / KM_PER_DEGREE));
    this.cellDegrees = 360 / this.lonCells;
    this.radiusDegrees = (radiusKm / KM_PER_DEGREE) * (1 + 1e-9);
  }

  add(item: T): void {
    const { anchor } = item;
    const country = anchor.event.countryIso3;
    if (country === null) return;
    if (anchor.byDistance)
      push(this.grid, this.cellKey(country, this.latCell(anchor.latitude), this.lonCell(anchor.longitude)), item);
    if (anchor.admin1 !== null) push(this.byAdmin1, `${country}|${anchor.admin1}`, item);
  }

  /** Appends to `out` the live anchors that could be at the same place as `event`; the caller applies the full rule. */
  collect(event: PreparedEvent, out: T[]): void {
    const country = event.event.countryIso3;
    if (country === null) return;
    if (event.byDistance) {
      const [lonFrom, lonTo] = this.lonRange(event.latitude, event.longitude);
      const latTo = this.latCell(event.latitude + this.radiusDegrees);
      for (let lat = this.latCell(event.latitude - this.radiusDegrees); lat <= latTo; lat++) {
        for (let lon = lonFrom; lon <= lonTo; lon++) this.take(this.grid, this.cellKey(country, lat, lon), event.dayStart, out);
      }
    }
    if (event.admin1 !== null) {
      // Two distance-comparable events are compared by distance only, so their admin1 match is not wanted.
      const start = out.length;
      this.take(this.byAdmin1, `${country}|${event.admin1}`, event.dayStart, out);
      if (event.byDistance) removeFrom(out, start, (item) => item.anchor.byDistance);
    }
  }

  private take(index: Map<string, T[]>, key: string, dayStart: number, out: T[]): void {
    const list = index.get(key);
    if (list === undefined) return;
    let kept = 0;
    for (const item of list) {
      if (item.anchor.dayEnd + this.windowDays < dayStart) continue;
      list[kept++] = item;
      out.push(item);
    }
    if (kept === 0) index.delete(key);
    else list.length = kept;
  }

  private latCell(latitude: number): number {
    return Math.floor((Math.max(-90, Math.min(90, latitude)) + 90) / this.cellDegrees);
  }

  private lonCell(longitude: number): number {
    return Math.floor((longitude + 180) / this.cellDegrees);
  }

  private cellKey(country: string, lat: number, lon: number): string {
    return `${country}|${lat}|${((lon % this.lonCells) + this.lonCells) % this.lonCells}`;
  }

  /**
   * Longitude cells (unwrapped) holding every point within the radius. From the haversine formula,
   * hav(d/R) >= cos(lat1) cos(lat2) hav(dLon), and |lat2| <= |lat1| + d/R, which bounds dLon.
   */
  private lonRange(latitude: number, longitude: number): [number, number] {
    const theta = this.radiusKm / EARTH_RADIUS_KM;
    const lat1 = (Math.abs(latitude) * Math.PI) / 180;
    const denominator = Math.cos(lat1) * Math.cos(Math.min(Math.PI / 2, lat1 + theta));
    const s = denominator > 0 ? Math.sin(theta / 2) / Math.sqrt(denominator) : Infinity;
    const dLon = s >= 1 ? 180 : ((2 * Math.asin(s) * 180) / Math.PI) * (1 + 1e-9);
    const from = this.lonCell(longitude - dLon);
    const to = this.lonCell(longitude + dLon);
    return dLon >= 180 || to - from + 1 >= this.lonCells ? [0, this.lonCells - 1] : [from, to];
  }
}

function push<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [item]);
  else list.push(item);
}

function removeFrom<T>(list: T[], start: number, drop: (item: T) => boolean): void {
  let kept = start;
  for (let i = start; i < list.length; i++) if (!drop(list[i]!)) list[kept++] = list[i]!;
  list.length = kept;
}
