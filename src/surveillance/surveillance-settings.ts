import { z } from 'zod';
import { TocsinError } from '../core/errors.js';
import { parseCorroborationRule } from './corroboration/corroboration-rule.js';
import {
  DETECTION_METHODS,
  FARRINGTON_DEFAULTS,
  resolveCusum,
  resolveEars,
  resolveFarrington,
  type DetectOptions,
} from './methods/detect-options.js';
import { MEASURES, SERIES_CATEGORIES } from './series/series.js';

const configuredMethodSchema = z.object({
  /** The name signals carry, e.g. `farrington-noufaily`: one method may run with several settings. */
  label: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens'),
  method: z.enum(DETECTION_METHODS),
  /** The method's options as `tocsin detect` takes them (alpha, b, w, noPeriods, ...); R's defaults otherwise. */
  options: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.number())])).default({}),
});
export type ConfiguredMethod = z.infer<typeof configuredMethodSchema>;

export const surveillanceSettingsSchema = z.object({
  /** Which series are watched after each import. */
  categories: z.array(z.enum(SERIES_CATEGORIES)).min(1),
  measures: z.array(z.enum(MEASURES)).min(1),
  methods: z.array(configuredMethodSchema).min(1),
  /** The corroboration rule (see `corroboration/corroboration-rule.ts`); its defaults where absent. */
  corroboration: z.record(z.string(), z.unknown()).default({}),
});
export type SurveillanceSettings = z.infer<typeof surveillanceSettingsSchema>;

/**
 * Defaults: the three UCDP categories and the combined series, both measures, and two methods that
 * complement each other. Farrington with Noufaily et al. (2013)'s settings (the improved algorithm
 * public-health agencies run weekly) needs five years of history; EARS C2 at alpha 0.001 (R's
 * default) watches series too short for it.
 */
export const DEFAULT_SURVEILLANCE_SETTINGS: SurveillanceSettings = {
  categories: ['one-sided', 'state-based', 'non-state', 'violence'],
  measures: ['incidents', 'fatalities'],
  methods: [
    {
      label: 'farrington-noufaily',
      method: 'farrington',
      options: { noPeriods: 10, pastWeeksNotIncluded: 26, pThresholdTrend: 1 },
    },
    { label: 'ears-c2', method: 'ears-c2', options: { alpha: 0.001 } },
  ],
  corroboration: {},
};

/** Parses settings from the API, the CLI or the store, naming the first bad field. */
export function parseSurveillanceSettings(input: unknown): SurveillanceSettings {
  const parsed = surveillanceSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new TocsinError('invalid_input', `surveillance settings: ${i.path.join('.') || 'settings'}: ${i.message}`, {
      field: i.path.join('.'),
    });
  }
  const labels = parsed.data.methods.map((m) => m.label);
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice) throw new TocsinError('invalid_input', `surveillance settings: methods: the label ${twice} is used twice`);
  parsed.data.methods.forEach(checkMethodOptions);
  parseCorroborationRule(parsed.data.corroboration); // refused now, not at the next import
  return parsed.data;
}

/** The options each method takes in settings (a range is not one: the watched weeks are the latest). */
const OPTION_NAMES: Readonly<Record<ConfiguredMethod['method'], readonly string[]>> = {
  'ears-c1': ['alpha', 'baseline', 'minSigma'],
  'ears-c2': ['alpha', 'baseline', 'minSigma'],
  'ears-c3': ['alpha', 'baseline', 'minSigma'],
  cusum: ['k', 'h'],
  farrington: [...Object.keys(FARRINGTON_DEFAULTS), 'pastWeeksNotIncluded'],
};

/** Refuses unknown or out-of-range method options now, with the method's own message, not at the next import. */
function checkMethodOptions(m: ConfiguredMethod, i: number): void {
  const unknown = Object.keys(m.options).filter((k) => !OPTION_NAMES[m.method].includes(k));
  if (unknown.length)
    throw new TocsinError(
      'invalid_input',
      `surveillance settings: methods.${i}.options: ${unknown.join(', ')} not an option of ${m.method} (options: ${OPTION_NAMES[m.method].join(', ')})`,
    );
  const o = { ...m.options, method: m.method } as DetectOptions;
  const long = 100_000; // long enough for any baseline: only the options are judged here
  try {
    if (o.method === 'cusum') resolveCusum(o, long);
    else if (o.method === 'farrington') resolveFarrington(o, long);
    else resolveEars(o, long);
  } catch (e) {
    throw new TocsinError(
      'invalid_input',
      `surveillance settings: methods.${i}.options: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
