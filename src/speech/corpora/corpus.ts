/**
 * The corpora of the hate speech monitor: the shared post shape and the three readers.
 * Content warning: the files these read hold real slurs and threats; never log a post's text.
 */
export {
  SPEECH_LABELS,
  HATEXPLAIN_GROUPS,
  isSpeechLabel,
  type SpeechLabel,
  type LabelledPost,
  type CorpusSplits,
} from './labels.js';
export { readHateXplain, type HateXplainSplits } from './hatexplain.js';
export { readDavidson } from './davidson.js';
export { readMlma, mlmaLabel, MLMA_GROUPS, type MlmaLanguage, type MlmaCorpus } from './mlma.js';
