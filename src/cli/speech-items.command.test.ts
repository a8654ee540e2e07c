import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '../access/users.repository.js';
import { isTocsinError } from '../core/errors.js';
import { openDatabase } from '../db/open-database.js';
import { scoreItems } from '../speech/items/score-items.js';
import { RABAT_PARTS } from '../speech/queue/rabat.js';
import { keywordClassifier, recordTestModel } from '../test-support/keyword-speech-classifier.js';
import { findPlaintext } from '../test-support/raw-database.js';
import { EXIT_CODE } from './exit-codes.js';
import { importCommand, queueCommand, scoreCommand } from './speech-items.command.js';

/** `tocsin speech ...` in process, until the commands are attached to the program: output and exit code. */
async function speech(dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const program = new Command('tocsin').option('--data-dir <dir>').option('--database-url <url>');
  program.addCommand(new Command('speech').addCommand(importCommand).addCommand(scoreCommand).addCommand(queueCommand));
  const override = (c: Command): void => {
    c.exitOverride().configureOutput({ writeErr: (s) => err.push(s), writeOut: (s) => out.push(s) });
    c.commands.forEach(override);
  };
  override(program);
  let code = 0;
  try {
    await program.parseAsync(['--data-dir', dataDir, '--database-url', '', 'speech', ...args], { from: 'user' });
  } catch (e) {
    if (isTocsinError(e)) {
      err.push(e.message);
      code = EXIT_CODE[e.code];
    } else code = 2;
  }
  vi.restoreAllMocks();
  return { stdout: out.join('\n'), stderr: err.join('\n'), code };
}

describe('tocsin speech import | queue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-speech-cli-'));
  const dataDir = join(dir, 'data');
  const posts = join(dir, 'posts.jsonl');
  const reviewFile = join(dir, 'rabat.json');
  afterEach(() => vi.restoreAllMocks());

  beforeAll(async () => {
    const db = await openDatabase({ dataDir });
    await createUser(db, { username: 'ana', password: 'password for ana!', role: 'analyst' });
    await createUser(db, { username: 'vic', password: 'password for vic!', role: 'viewer' });
    await db.close();
    // Constructed posts: an invented word stands for a hateful one.
    writeFileSync(
      posts,
      [
        { id: '1', text: 'zorbs out, zorbs gone', platform: 'forum', country: 'CAF', author: '@cli_handle_one' },
        { id: '2', text: 'sunny all week', platform: 'forum', country: 'CAF', author: '@cli_handle_one' },
        { id: '3', text: 'no platform here' },
      ]
        .map((p) => JSON.stringify(p))
        .join('\n') + '\n',
    );
    const rabat = Object.fromEntries(
      RABAT_PARTS.map((p) => [p, { assessment: p === 'extent' ? 'not-met' : 'unclear', note: '' }]),
    );
    writeFileSync(reviewFile, JSON.stringify({ rabat, decision: 'hate-speech', note: 'a slur, little reach' }));
  }, 60_000);

  it('imports posts, quarantining the bad line, with no handle stored', async () => {
    const r = await speech(dataDir, 'import', posts, '--by', 'ana');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 posts read, 2 new, 0 updated, 0 unchanged, 1 quarantined/);
    expect(r.stderr).toMatch(/line 3: platform is missing/);
    const db = await openDatabase({ dataDir });
    expect(await findPlaintext(db, ['cli_handle_one'])).toEqual([]);
    await scoreItems(db, keywordClassifier({ zorbs: { label: 'hatespeech', weight: 2 } }), await recordTestModel(db));
    await db.close();
  });

  it('lists the queue with the words behind each score, shows an item, and records an analyst review', async () => {
    const list = await speech(dataDir, 'queue', 'list', '--format', 'json');
    expect(list.code, list.stderr).toBe(0);
    const items = JSON.parse(list.stdout) as { item: { id: number }; score: { explanation: { token: string }[] } }[];
    expect(items).toHaveLength(1);
    expect(items[0]!.score.explanation.map((e) => e.token)).toEqual(['zorbs']);
    const id = String(items[0]!.item.id);
    expect((await speech(dataDir, 'queue', 'list')).stdout).toMatch(/words: zorbs/);
    expect((await speech(dataDir, 'queue', 'review', id, '--file', reviewFile, '--by', 'vic')).code).toBe(5);
    const done = await speech(dataDir, 'queue', 'review', id, '--file', reviewFile, '--by', 'ana');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/hate-speech, reviewed by ana/);
    const shown = JSON.parse((await speech(dataDir, 'queue', 'show', id)).stdout) as { review: { rabat: { extent: unknown } } };
    expect(shown.review.rabat.extent).toEqual({ assessment: 'not-met', note: '' });
    expect(JSON.parse((await speech(dataDir, 'queue', 'list', '--format', 'json')).stdout)).toEqual([]);
  });

  it('refuses a bad review file saying where, and scoring without a trained model', async () => {
    writeFileSync(reviewFile, JSON.stringify({ rabat: {}, decision: 'maybe' }));
    const bad = await speech(dataDir, 'queue', 'review', '1', '--file', reviewFile, '--by', 'ana');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rabat\.context: .*decision: /);
    const score = await speech(dataDir, 'score', '--model', '999');
    expect(score.code).toBe(4);
  });
});
