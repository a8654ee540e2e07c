import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import { VERSION } from '../core/paths.js';
import { resolveDatabaseConfig } from '../db/open-database.js';
import {
  HATEXPLAIN_GROUPS,
  readDavidson,
  readHateXplain,
  readMlma,
  type LabelledPost,
  type MlmaLanguage,
} from '../speech/corpora/corpus.js';
import { evaluate, type SpeechEvaluation } from '../speech/evaluate.js';
import { linearClassifier } from '../speech/model/linear-classifier.js';
import { DEFAULT_TRAINING, trainLinearModel } from '../speech/model/linear-model.js';
import { MODEL_FORMAT } from '../speech/model/model-file.js';
import { loadSpeechModel, recordSpeechEvaluation, saveSpeechModel } from '../speech/model/model-store.js';
import { withDatabase, type GlobalOptions } from './context.js';
import { importCommand as importPostsCommand, queueCommand, scoreCommand } from './speech-items.command.js';
import { surgesCommand } from './speech-surges.command.js';

const dataDirOf = (cmd: Command) => resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>()).dataDir;

function positiveInt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new TocsinError('invalid_input', `${flag} must be a positive whole number, not "${text}"`);
  return n;
}

const pct = (x: number | null | undefined) => (typeof x === 'number' ? x.toFixed(4) : 'NA');
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The headline figures of an evaluation, as one table (JSON holds everything). */
function evaluationTable(e: SpeechEvaluation): string {
  const lines = [
    `posts       ${e.n}`,
    `macro-F1    ${pct(e.macro_f1)}`,
    `accuracy    ${pct(e.accuracy)}`,
    `macro AUROC ${pct(e.macro_auroc)}`,
  ];
  if (e.bias) {
    lines.push(`GMB subgroup ${pct(e.bias.gmb_subgroup)}  BPSN ${pct(e.bias.gmb_bpsn)}  BNSP ${pct(e.bias.gmb_bnsp)}`);
    lines.push('', 'target group   posts  toxic  non-toxic  subgroup AUC (95% interval)  BPSN    BNSP');
    for (const [group, b] of Object.entries(e.bias.per_group)) {
      const ci = b.subgroup_auc_ci95 ? `(${b.subgroup_auc_ci95[0].toFixed(2)}-${b.subgroup_auc_ci95[1].toFixed(2)})` : '';
      lines.push(
        `${group.padEnd(13)} ${String(b.n).padStart(6)} ${String(b.toxic).padStart(6)} ${String(b.non_toxic).padStart(10)}  ` +
          `${pct(b.subgroup_auc).padEnd(6)} ${ci.padEnd(21)} ${pct(b.bpsn_auc)}  ${pct(b.bnsp_auc)}`,
      );
    }
  }
  return lines.join('\n');
}

const train = new Command('train')
  .description('train the hate speech classifier on the HateXplain train split; prints validation figures')
  .requiredOption('--corpus <dir>', 'the HateXplain folder (hatexplain_19229.jsonl, post_id_divisions.json)')
  .option('--seed <n>', 'seed of the shuffling: one seed, one model', '1')
  .option('--name <name>', 'a name for the model', 'hatexplain-linear')
  .option('--limit <n>', 'train on the first n posts of the train split only (quick checks)')
  .action(async (o: { corpus: string; seed: string; name: string; limit?: string }, cmd: Command) => {
    const seed = Number(o.seed);
    if (!Number.isInteger(seed) || seed < 0)
      throw new TocsinError('invalid_input', `--seed must be a whole number >= 0, not "${o.seed}"`);
    const limit = positiveInt(o.limit, '--limit');
    const corpus = await readHateXplain(o.corpus);
    const posts = limit === undefined ? corpus.train : corpus.train.slice(0, limit);
    const settings = { ...DEFAULT_TRAINING, seed };
    const started = performance.now();
    const model = trainLinearModel(posts, HATEXPLAIN_GROUPS, settings);
    const trainingTime = seconds(started);
    const validation = evaluate(linearClassifier(model), corpus.val, HATEXPLAIN_GROUPS);
    await withDatabase(cmd, async (db) => {
      const saved = await saveSpeechModel(
        db,
        dataDirOf(cmd),
        {
          format: MODEL_FORMAT,
          name: o.name,
          kind: 'linear-hashed-ngrams',
          settings: { ...settings, trainPosts: posts.length, limit: limit ?? null },
          dataSha256: corpus.sha256,
          codeVersion: VERSION,
        },
        model,
      );
      await recordSpeechEvaluation(db, saved.id, 'hatexplain-validation', validation);
      console.log(
        `speech model ${saved.id} (${o.name}): ${posts.length} posts, trained in ${trainingTime}, ${mb(saved.bytes)} at ${saved.file}`,
      );
      console.log('validation split:');
      console.log(evaluationTable(validation));
    });
  });

type CorpusKind = 'hatexplain' | 'davidson2017' | 'mlma';

function corpusKind(dir: string): CorpusKind {
  if (existsSync(join(dir, 'hatexplain_19229.jsonl'))) return 'hatexplain';
  if (existsSync(join(dir, 'labeled_data.csv'))) return 'davidson2017';
  if (existsSync(join(dir, 'fr_dataset.csv')) || existsSync(join(dir, 'ar_dataset.csv'))) return 'mlma';
  throw new TocsinError('invalid_input', `--corpus ${dir}: not a HateXplain, Davidson 2017 or MLMA folder`, {
    field: '--corpus',
  });
}

/** The held-out posts of a corpus and the groups its bias figures are computed for. */
async function testPosts(
  dir: string,
  language: MlmaLanguage | undefined,
): Promise<{ key: string; posts: LabelledPost[]; groups: readonly string[] }> {
  const kind = corpusKind(dir);
  if (kind === 'hatexplain')
    return { key: 'hatexplain-test', posts: (await readHateXplain(dir)).test, groups: HATEXPLAIN_GROUPS };
  if (kind === 'davidson2017') return { key: 'davidson2017-test', posts: (await readDavidson(dir)).test, groups: [] };
  const lang = language ?? 'fr';
  return { key: `mlma-${lang}`, posts: (await readMlma(dir, lang)).posts, groups: HATEXPLAIN_GROUPS };
}

const evalCommand = new Command('eval')
  .description(
    'evaluate a trained model on a corpus held-out split (HateXplain: the official test split); stores it on the model',
  )
  .requiredOption('--corpus <dir>', 'a HateXplain, Davidson 2017 or MLMA folder')
  .option('--model <id>', 'the model (default: the newest)')
  .addOption(new Option('--language <l>', 'MLMA language').choices(['en', 'fr', 'ar']))
  .option('--limit <n>', 'only the first n held-out posts (quick checks)')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(
    async (o: { corpus: string; model?: string; language?: MlmaLanguage; limit?: string; format: string }, cmd: Command) => {
      const id = positiveInt(o.model, '--model');
      const limit = positiveInt(o.limit, '--limit');
      const { key, posts, groups } = await testPosts(o.corpus, o.language);
      const scored = limit === undefined ? posts : posts.slice(0, limit);
      await withDatabase(cmd, async (db) => {
        const { classifier, modelId } = await loadSpeechModel(db, dataDirOf(cmd), id);
        const started = performance.now();
        const evaluation = evaluate(classifier, scored, groups);
        const took = seconds(started);
        if (limit === undefined) await recordSpeechEvaluation(db, modelId, key, evaluation);
        if (o.format === 'json') console.log(JSON.stringify({ model: modelId, corpus: key, ...evaluation }, null, 2));
        else {
          console.log(`speech model ${modelId} on ${key} (${scored.length} posts, ${took}):`);
          console.log(evaluationTable(evaluation));
        }
      });
    },
  );

const classify = new Command('classify')
  .description('label texts with a trained model: probabilities, target groups and the words behind the label')
  .argument('[text]', 'the text to classify')
  .option('--file <path>', 'one text per line instead')
  .option('--model <id>', 'the model (default: the newest)')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (text: string | undefined, o: { file?: string; model?: string; format: string }, cmd: Command) => {
    if ((text === undefined) === (o.file === undefined))
      throw new TocsinError('invalid_input', 'give either a text or --file <path>, not both and not neither');
    let texts: string[];
    if (o.file !== undefined) {
      try {
        texts = readFileSync(o.file, 'utf8')
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '');
      } catch (e) {
        throw new TocsinError('invalid_input', `--file ${o.file}: ${(e as Error).message}`, { field: '--file' });
      }
    } else texts = [text!];
    const id = positiveInt(o.model, '--model');
    await withDatabase(cmd, async (db) => {
      const { classifier, modelId } = await loadSpeechModel(db, dataDirOf(cmd), id);
      const predictions = classifier.predict(texts, { explain: true });
      if (o.format === 'json') return console.log(JSON.stringify({ model: modelId, predictions }, null, 2));
      predictions.forEach((p, i) => {
        const probs = p.probs.map((x) => x.toFixed(3)).join('/');
        const targets = p.targets.map((t) => `${t.group} ${t.p.toFixed(2)}`).join(', ') || '-';
        const words = p.explanation.map((w) => w.token).join(', ') || '-';
        console.log(`${i + 1}\t${p.label}\thate/offensive/normal ${probs}\ttargets: ${targets}\twords: ${words}`);
      });
    });
  });

/** `tocsin speech`: the hate speech classifier (train, eval, classify); other subcommands are attached beside. */
export const speechCommand = new Command('speech')
  .description('hate speech and incitement monitor: train, evaluate and apply the classifier; import, score, queue, surges')
  .addCommand(train)
  .addCommand(evalCommand)
  .addCommand(classify)
  .addCommand(importPostsCommand)
  .addCommand(scoreCommand)
  .addCommand(queueCommand)
  .addCommand(surgesCommand);
