/** A run of a post's text, marked when it is one of the words that drove the score. */
export interface TextRun {
  text: string;
  marked: boolean;
}

/** The classifier's word tokens (src/speech/model/features.ts TOKEN): letters, digits, <, >, _ and '. */
const TOKEN = /[\p{L}\p{N}<>_']+/gu;

/**
 * Splits a post into runs, marking each word the explanation names (matched as the model reads
 * words: whole tokens, lower-cased). A word pair marks both of its words. Only words that pushed
 * toward the label (positive weight) are marked.
 */
export function highlightRuns(text: string, explanation: readonly { token: string; weight: number }[]): TextRun[] {
  const words = new Set(
    explanation.filter((e) => e.weight > 0).flatMap((e) => e.token.toLowerCase().split(/\s+/).filter(Boolean)),
  );
  const runs: TextRun[] = [];
  const push = (part: string, marked: boolean) => {
    if (part === '') return;
    const last = runs.at(-1);
    if (last !== undefined && last.marked === marked) last.text += part;
    else runs.push({ text: part, marked });
  };
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    push(text.slice(at, m.index), false);
    push(m[0], words.has(m[0].toLowerCase()));
    at = m.index + m[0].length;
  }
  push(text.slice(at), false);
  return runs;
}
