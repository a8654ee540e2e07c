/**
 * Turns a post into a sparse, hashed feature vector (pure, no I/O): lower-cased word unigrams and
 * bigrams, and character 2- to 5-grams inside each word padded with a space on both sides. Counts
 * are damped (1 + ln tf) and the vector is L2-normalised. Features are hashed (32-bit FNV-1a, word
 * and character features in separate seeds) into `buckets` slots; the text of each feature is kept
 * only when asked, so an explanation can name the words behind a score.
 */

export interface FeatureSettings {
  /** Number of hash slots, a power of two. */
  buckets: number;
  /** Include character n-grams (2..charMax) inside words. */
  charNgrams: boolean;
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
  /** Word and word-pair features count this many times a character n-gram (before normalising). */
  wordWeight: number;
}

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** A sparse vector and, per feature, the word (or word pair) it belongs to: char n-grams count for their word. */
export interface ExplainedVector extends SparseVector {
  word: string[];
}

const WORD_SEED = 0x811c9dc5;
const CHAR_SEED = 0x01000193 ^ 0x9e3779b9;
const FNV_PRIME = 0x01000193;

const TOKEN = /[\p{L}\p{N}<>_']+/gu;

/** Lower-cased word tokens of a text. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * Calls `emit(key, word)` once per feature occurrence of `text`: the key is the hash slot, plus
 * `buckets` for word and word-pair features (so they can be weighted apart). `word` is the token
 * the feature belongs to (the pair for bigrams), so callers that explain can add contributions up by word.
 */
export function forEachFeature(text: string, s: FeatureSettings, emit: (key: number, word: string) => void): void {
  const mask = s.buckets - 1;
  const words = tokenize(text);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    emit((hashString(WORD_SEED, word) & mask) + s.buckets, word);
    if (s.wordBigrams && w + 1 < words.length) {
      const pair = `${word} ${words[w + 1]!}`;
      emit((hashString(WORD_SEED ^ 0x5bd1e995, pair) & mask) + s.buckets, pair);
    }
    if (!s.charNgrams) continue;
    const padded = ` ${word} `;
    for (let start = 0; start < padded.length; start++) {
      let h = CHAR_SEED;
      for (let n = 1; n <= s.charMax && start + n <= padded.length; n++) {
        h = Math.imul(h ^ padded.charCodeAt(start + n - 1), FNV_PRIME);
        if (n >= s.charMin) emit((Math.imul(h ^ n, FNV_PRIME) >>> 0) & mask, word);
      }
    }
  }
}

/** The damped, weighted, L2-normalised feature vector of `text` (a slot may appear twice: as word and as n-gram). */
export function featurize(text: string, s: FeatureSettings): SparseVector {
  // Slots are gathered in a reused buffer and sorted, so equal slots sit together to be counted.
  let n = 0;
  forEachFeature(text, s, (slot) => {
    if (n === slotBuffer.length) {
      const grown = new Int32Array(slotBuffer.length * 2);
      grown.set(slotBuffer);
      slotBuffer = grown;
    }
    slotBuffer[n++] = slot;
  });
  const sorted = slotBuffer.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const index = new Int32Array(distinct);
  const value = new Float32Array(distinct);
  for (let i = 0, d = -1; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) index[++d] = sorted[i]!;
    value[d] = value[d]! + 1;
  }
  return dampAndNormalise(index, value, s);
}

let slotBuffer = new Int32Array(4096);

/** As `featurize`, one entry per (slot, word) so each contribution can be credited to its word. */
export function featurizeExplained(text: string, s: FeatureSettings): ExplainedVector {
  const counts = new Map<number, number>();
  const words = new Map<number, Map<string, number>>();
  forEachFeature(text, s, (slot, word) => {
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
    let byWord = words.get(slot);
    if (!byWord) words.set(slot, (byWord = new Map<string, number>()));
    byWord.set(word, (byWord.get(word) ?? 0) + 1);
  });
  const base = normalise(counts, s);
  const index: number[] = [];
  const value: number[] = [];
  const word: string[] = [];
  for (let i = 0; i < base.index.length; i++) {
    const key = base.index[i]!;
    const total = counts.get(key)!;
    // A slot shared by several words (a common n-gram, or a hash collision) is split by occurrence.
    for (const [w, c] of words.get(key)!) {
      index.push(key & (s.buckets - 1));
      value.push((base.value[i]! * c) / total);
      word.push(w);
    }
  }
  return { index: Int32Array.from(index), value: Float32Array.from(value), word };
}

/** The vector of the counts by key; its index keeps the keys (callers map them to slots). */
function normalise(counts: Map<number, number>, s: FeatureSettings): SparseVector {
  const keys = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const { value } = dampAndNormalise(
    Int32Array.from(keys),
    Float32Array.from(keys, (key) => counts.get(key)!),
    s,
  );
  return { index: keys, value };
}

/** Keys (in place) to slots; counts to (1 + ln count), times the word weight for word features; then to unit length. */
function dampAndNormalise(index: Int32Array, value: Float32Array, s: FeatureSettings): SparseVector {
  let norm = 0;
  for (let i = 0; i < value.length; i++) {
    const isWord = index[i]! >= s.buckets;
    if (isWord) index[i] = index[i]! - s.buckets;
    const v = (1 + Math.log(value[i]!)) * (isWord ? s.wordWeight : 1);
    value[i] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < value.length; i++) value[i] = value[i]! * scale;
  return { index, value };
}
