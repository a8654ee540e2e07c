/**
 * Land borders read from a TopoJSON topology of country polygons: two polygons border each other
 * when they share an arc (a stretch of boundary line), which is how TopoJSON stores a border drawn
 * once for both sides. Sea neighbours share no arc and are not borders here.
 */

/** The slice of a TopoJSON topology this needs: a `countries` object of (Multi)Polygons coded by `properties.a3`. */
export interface CountryTopology {
  readonly objects: {
    readonly countries: {
      readonly geometries: ReadonlyArray<{
        readonly type: string;
        readonly arcs?: unknown;
        readonly properties?: { readonly a3?: string };
      }>;
    };
  };
}

/** Polygon code (ISO alpha-3 or the atlas's own, such as `SOL` Somaliland) -> the codes it borders. */
export type LandBorders = ReadonlyMap<string, ReadonlySet<string>>;

/** Every arc index of a geometry's nested `arcs` array; `~i` (a reversed arc) is arc i. */
function collectArcs(arcs: unknown, into: number[]): void {
  if (typeof arcs === 'number') into.push(arcs < 0 ? ~arcs : arcs);
  else if (Array.isArray(arcs)) for (const a of arcs) collectArcs(a, into);
}

/** The land borders of the topology's countries (a symmetric relation; a code never borders itself). */
export function landBorders(topology: CountryTopology): LandBorders {
  const owners = new Map<number, Set<string>>();
  for (const geometry of topology.objects.countries.geometries) {
    const code = geometry.properties?.a3;
    if (!code || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const arcs: number[] = [];
    collectArcs(geometry.arcs, arcs);
    for (const arc of arcs) {
      let set = owners.get(arc);
      if (!set) owners.set(arc, (set = new Set()));
      set.add(code);
    }
  }
  const borders = new Map<string, Set<string>>();
  for (const codes of owners.values()) {
    if (codes.size < 2) continue;
    for (const a of codes) {
      for (const b of codes) {
        if (a === b) continue;
        let set = borders.get(a);
        if (!set) borders.set(a, (set = new Set()));
        set.add(b);
      }
    }
  }
  return borders;
}
