import { describe, expect, it } from 'vitest';
import { coreMessages } from './core.js';
import { LOCALES, type Translations } from './locales.js';

/** Every `messages.ts` beside a page, and the core strings: the whole UI's text. */
const pageModules = import.meta.glob<Record<string, unknown>>('../**/messages.ts', { eager: true });

/** A catalogue is any exported object with English strings; a language missing from it then fails below. */
const isTranslations = (value: unknown): value is Translations<unknown> =>
  typeof value === 'object' && value !== null && 'en' in value && typeof value.en === 'object';

const catalogues: [string, Translations<unknown>][] = [
  ['i18n/core', coreMessages],
  ...Object.entries(pageModules).flatMap(([path, module]) =>
    Object.entries(module)
      .filter((entry): entry is [string, Translations<unknown>] => isTranslations(entry[1]))
      .map(([name, value]): [string, Translations<unknown>] => [`${path.replace('../', '')}#${name}`, value]),
  ),
];

/** Sample arguments for a message function: numbers for counts, words for names. */
const SAMPLE_ARGS = [3, 'Alpha', 'Beta', 7, 'Gamma'];

interface Leaf {
  kind: string;
  value: unknown;
}

/** Each leaf of a message tree by its path ("table.range"), with its kind: 'string' or the function's arity. */
function leaves(tree: unknown, path: readonly string[] = [], found = new Map<string, Leaf>()): Map<string, Leaf> {
  const key = path.join(' › ');
  if (typeof tree === 'string') found.set(key, { kind: 'string', value: tree });
  else if (typeof tree === 'function') found.set(key, { kind: `function/${tree.length}`, value: tree });
  else if (typeof tree === 'object' && tree !== null) {
    for (const [name, value] of Object.entries(tree)) leaves(value, [...path, name], found);
  } else found.set(key, { kind: typeof tree, value: tree });
  return found;
}

/** What a leaf says: the string, or a function's sentence for sample arguments (undefined if it needs others). */
function sample(leaf: Leaf): unknown {
  if (typeof leaf.value !== 'function') return leaf.value;
  try {
    return (leaf.value as (...args: unknown[]) => unknown)(...SAMPLE_ARGS);
  } catch {
    return undefined;
  }
}

describe('translations', () => {
  it('finds the page catalogues as well as the core one', () => {
    expect(catalogues.length).toBeGreaterThanOrEqual(1);
  });

  for (const [name, translations] of catalogues) {
    const source = leaves(translations.en);
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      it(`${name}: ${locale} has every English key, of the same kind, and no other`, () => {
        const target = leaves(translations[locale]);
        const missing = [...source.keys()].filter((key) => !target.has(key));
        const extra = [...target.keys()].filter((key) => !source.has(key));
        const mismatched = [...source]
          .filter(([key, leaf]) => target.has(key) && target.get(key)?.kind !== leaf.kind)
          .map(([key]) => key);
        expect({ missing, extra, mismatched }).toEqual({ missing: [], extra: [], mismatched: [] });
      });
    }
    for (const locale of LOCALES) {
      it(`${name}: every ${locale} string is written out`, () => {
        const target = leaves(translations[locale]);
        const empty = [...source].flatMap(([key, enLeaf]) => {
          const leaf = target.get(key);
          if (leaf === undefined) return [key];
          // A function whose English sentence needs other arguments than the samples is checked by kind only.
          if (enLeaf.kind !== 'string' && typeof sample(enLeaf) !== 'string') return [];
          const text = sample(leaf);
          return typeof text === 'string' && text.trim() !== '' ? [] : [key];
        });
        expect(empty).toEqual([]);
      });
    }
  }
});
