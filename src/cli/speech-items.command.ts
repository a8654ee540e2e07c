import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import { keysDirOf } from '../core/instance-dirs.js';
import { resolveDatabaseConfig } from '../db/open-database.js';
import { readOrCreateAuthorKey } from '../speech/items/author-hash.js';
import { importSpeechItems } from '../speech/items/import-speech-items.js';
import type { PostFormat } from '../speech/items/read-posts.js';
import { scoreItems } from '../speech/items/score-items.js';
import { refreshSpeechSurges } from '../speech/surges/refresh-speech-surges.js';
import { loadSpeechModel } from '../speech/model/speech-model.js';
import { reviewSchema } from '../speech/queue/rabat.js';
import { DEFAULT_QUEUE_THRESHOLD, getQueueItem, listQueue, recordReview } from '../speech/queue/speech-queue.repository.js';
import { requireRole, userIdOf, userNamed } from './attribution.js';
import { withDatabase, type GlobalOptions } from './context.js';

const dataDirOf = (cmd: Command) => resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>()).dataDir;
const nf = new Intl.NumberFormat('en');

const positiveId = (text: string, what: string): number => {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1)
    throw new TocsinError('invalid_input', `${what} must be a positive whole number, not "${text}"`);
  return id;
};

/** `tocsin speech import FILE`: posts from CSV or JSON Lines; author handles kept only as keyed hashes. */
export const importCommand = new Command('import')
  .description('import posts (id, text, language, time, platform, url, country, author) from CSV or JSON Lines')
  .argument('<file>')
  .addOption(new Option('--format <f>', 'csv or jsonl (default: from the file name)').choices(['csv', 'jsonl']))
  .option('--by <username>', 'the user running the import, for the record')
  .action(async (file: string, o: { format?: PostFormat; by?: string }, cmd: Command) => {
    const format = o.format ?? (/^\.(jsonl|ndjson)$/i.test(extname(file)) ? 'jsonl' : 'csv');
    const authorKey = await readOrCreateAuthorKey(keysDirOf(dataDirOf(cmd)));
    await withDatabase(cmd, async (db) => {
      const r = await importSpeechItems(db, { input: { file }, format, authorKey, userId: await userIdOf(db, o.by) });
      console.log(
        `batch ${r.batchId}: ${nf.format(r.rowsRead)} posts read, ${nf.format(r.inserted)} new, ${nf.format(r.updated)} updated, ${nf.format(r.unchanged)} unchanged, ${nf.format(r.rejected)} quarantined`,
      );
      for (const x of r.rejections.slice(0, 20)) console.error(`  line ${x.line}: ${x.reason}`);
      if (r.rejected > 20) console.error(`  ... all rejections: tocsin imports rejections ${r.batchId}`);
    });
  });

/** `tocsin speech score`: scores the posts a model has not scored yet. */
export const scoreCommand = new Command('score')
  .description('score unscored posts with a trained model (the newest unless --model), keeping the words behind each score')
  .option('--model <id>', 'the model to use')
  .option('--since <time>', 'only posts from this ISO 8601 day or time on')
  .action(async (o: { model?: string; since?: string }, cmd: Command) => {
    const modelId = o.model === undefined ? undefined : positiveId(o.model, '--model');
    if (o.since !== undefined && Number.isNaN(Date.parse(o.since)))
      throw new TocsinError('invalid_input', `--since must be an ISO 8601 day or time, not "${o.since}"`, { field: '--since' });
    await withDatabase(cmd, async (db) => {
      const { classifier, modelId: id } = await loadSpeechModel(db, dataDirOf(cmd), modelId);
      const r = await scoreItems(db, classifier, id, { since: o.since });
      console.log(`model ${r.modelId}: ${nf.format(r.scored)} posts scored in ${r.seconds.toFixed(1)} s`);
      // New scores can land on any day: the whole history is re-counted (cheap: one row per day and group).
      const surges = await refreshSpeechSurges(db);
      console.log(
        `surges: ${nf.format(surges.series)} daily series, ${nf.format(surges.alarms)} alarms, ${nf.format(surges.signalIds.length)} signals (tocsin signals list --measure hateful-posts)`,
      );
    });
  });

const list = new Command('list')
  .description('posts waiting for review, highest probability of hate speech first, with the words behind each score')
  .option('--threshold <p>', 'lowest probability of hate speech to list', String(DEFAULT_QUEUE_THRESHOLD))
  .option('--model <id>', 'scores of this model (default: the newest)')
  .option('--country <iso3>')
  .option('--limit <n>', 'at most this many', '50')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (o: { threshold: string; model?: string; country?: string; limit: string; format: string }, cmd: Command) => {
    const threshold = Number(o.threshold);
    if (!(threshold >= 0 && threshold <= 1)) throw new TocsinError('invalid_input', '--threshold must be between 0 and 1');
    const limit = positiveId(o.limit, '--limit');
    if (o.country !== undefined && !/^[A-Za-z]{3}$/.test(o.country))
      throw new TocsinError('invalid_input', `--country must be an ISO alpha-3 code, not "${o.country}"`);
    await withDatabase(cmd, async (db) => {
      const items = await listQueue(db, {
        threshold,
        modelId: o.model === undefined ? undefined : positiveId(o.model, '--model'),
        country: o.country?.toUpperCase(),
        limit,
      });
      if (o.format === 'json') return console.log(JSON.stringify(items, null, 2));
      for (const { item, score } of items) {
        const words = score.explanation.map((e) => e.token).join(', ');
        console.log(
          `${String(item.id).padStart(8)}  ${score.pHate.toFixed(2)}  ${(item.country ?? '---').padEnd(3)}  ${item.platform.padEnd(12)} ${score.targets.join('/') || '-'}  words: ${words || '-'}`,
        );
      }
      console.error(`${items.length} posts waiting${items.length === limit ? ` (the first ${limit}; --limit for more)` : ''}`);
    });
  });

const show = new Command('show')
  .description('one post with its scores, the words behind them, and its review')
  .argument('<id>')
  .action(async (idText: string, _o, cmd: Command) => {
    const id = positiveId(idText, 'item id');
    await withDatabase(cmd, async (db) => console.log(JSON.stringify(await getQueueItem(db, id), null, 2)));
  });

const review = new Command('review')
  .description("record the Rabat Plan of Action's six-part assessment of a post and the decision (docs/speech-monitor.md)")
  .argument('<id>')
  .requiredOption(
    '--file <file>',
    'the review as JSON: {rabat: {context, speaker, intent, contentAndForm, extent, likelihood}, decision, ...}',
  )
  .requiredOption('--by <username>', 'the analyst reviewing')
  .action(async (idText: string, o: { file: string; by: string }, cmd: Command) => {
    const id = positiveId(idText, 'item id');
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(o.file === '-' ? 0 : o.file, 'utf8'));
    } catch (e) {
      throw new TocsinError('invalid_input', `--file ${o.file}: ${e instanceof Error ? e.message : String(e)}`, {
        field: '--file',
      });
    }
    const parsed = reviewSchema.safeParse(input);
    if (!parsed.success)
      throw new TocsinError(
        'invalid_input',
        `--file ${o.file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'review'}: ${i.message}`).join('; ')}`,
        { field: '--file' },
      );
    await withDatabase(cmd, async (db) => {
      const user = await userNamed(db, o.by);
      requireRole(user, ['admin', 'analyst'], 'review posts');
      const r = await recordReview(db, id, parsed.data, user.id);
      console.log(
        `item ${id}: ${r.decision}${r.group ? ` against ${r.group.name}` : ''}, reviewed by ${r.reviewedBy ?? user.username}`,
      );
    });
  });

/** `tocsin speech queue`: the analyst queue of scored posts and their Rabat review. */
export const queueCommand = new Command('queue')
  .description('the analyst queue: list, show, review')
  .addCommand(list)
  .addCommand(show)
  .addCommand(review);
