/**
 * The shared shape of a labelled hate-speech corpus: every reader (HateXplain, Davidson 2017,
 * MLMA) turns its file into `LabelledPost`s on the HateXplain three-class scheme.
 * Import it through `corpus.ts`; the readers import it from here so the modules form no cycle.
 */

/** The three classes of HateXplain (Mathew et al. 2021), in the order of every probability vector. */
export const SPEECH_LABELS = ['hatespeech', 'offensive', 'normal'] as const;
export type SpeechLabel = (typeof SPEECH_LABELS)[number];

export const isSpeechLabel = (value: unknown): value is SpeechLabel =>
  typeof value === 'string' && (SPEECH_LABELS as readonly string[]).includes(value);

export interface LabelledPost {
  id: string;
  text: string;
  /** Majority label of the annotators; null when they did not agree (excluded from training and scoring). */
  label: SpeechLabel | null;
  /** Target groups of the post (HateXplain: named by at least 2 of 3 annotators). Empty when none. */
  targets: string[];
  /** BCP 47 language tag of the text (`en`, `fr`, `ar`). */
  language: string;
}

/** A corpus split the way its evaluation uses it, with the SHA-256 (hex) of the bytes it was read from. */
export interface CorpusSplits {
  train: LabelledPost[];
  test: LabelledPost[];
  sha256: string;
}

/**
 * The ten target communities the HateXplain paper's bias evaluation reports (the largest ones of the
 * test split). HateXplain's own label is `Homosexual`, which the paper calls LGBTQ.
 */
export const HATEXPLAIN_GROUPS = [
  'African',
  'Islam',
  'Jewish',
  'Homosexual',
  'Women',
  'Refugee',
  'Arab',
  'Caucasian',
  'Asian',
  'Hispanic',
] as const;
