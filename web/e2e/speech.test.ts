import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keysDirOf } from '../../src/core/instance-dirs.js';
import { createGroup } from '../../src/groups/groups.repository.js';
import { SPEECH_LABELS, type LabelledPost } from '../../src/speech/corpora/labels.js';
import { readOrCreateAuthorKey } from '../../src/speech/items/author-hash.js';
import { importSpeechItems } from '../../src/speech/items/import-speech-items.js';
import { scoreItems } from '../../src/speech/items/score-items.js';
import { trainLinearModel } from '../../src/speech/model/linear-model.js';
import { MODEL_FORMAT } from '../../src/speech/model/model-file.js';
import { loadSpeechModel, saveSpeechModel } from '../../src/speech/model/model-store.js';
import { getQueueItem } from '../../src/speech/queue/speech-queue.repository.js';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import {
  describeInBrowser,
  openBrowser,
  screenshotBothWidths,
  seriousAxeViolations,
  signIn,
  signOut,
  type Browser,
} from './browser.js';

// Constructed posts: the invented word "zorblat" stands for a slur, so no real hate is shown or stored.
const FILLER = ['the', 'weather', 'today', 'market', 'bus', 'river', 'garden', 'music', 'school', 'bread'];
const MARKERS = { hatespeech: 'zorblat', offensive: 'quuxish', normal: 'pleasant' } as const;
const corpus: LabelledPost[] = Array.from({ length: 300 }, (_, i) => {
  const label = SPEECH_LABELS[i % 3]!;
  const words = [FILLER[i % 10]!, FILLER[(i * 7) % 10]!, MARKERS[label], FILLER[(i * 3) % 10]!];
  return { id: String(i), text: words.join(' '), label, targets: label === 'hatespeech' ? ['Martian'] : [], language: 'en' };
});
const POSTS = [
  {
    id: 'p1',
    text: 'Zorblat people out of the market before Friday!',
    platform: 'chat',
    country: 'CAF',
    time: '2026-03-01T10:15:00Z',
    author: '@handle_one',
  },
  {
    id: 'p2',
    text: 'they say zorblat on the bus again',
    platform: 'forum',
    country: 'CAF',
    time: '2026-03-02T18:40:00Z',
    author: '@handle_two',
  },
  { id: 'p3', text: 'a pleasant garden and music today', platform: 'chat', country: 'CAF', author: '@handle_one' },
];

/** Seeds the queue the way an instance fills it: a model trained in the project, posts imported, then scored. */
async function seedQueue(instance: TestInstance): Promise<void> {
  const model = trainLinearModel(corpus, ['Martian'], {
    features: { buckets: 1 << 12, charNgrams: true, charMin: 2, charMax: 5, wordBigrams: true, wordWeight: 2 },
    seed: 7,
    epochs: 4,
    learningRate: 0.5,
    l2: 1e-6,
    balanced: true,
    averageFrom: null,
  });
  const header = {
    format: MODEL_FORMAT,
    name: 'constructed',
    kind: 'linear-hashed',
    settings: {},
    dataSha256: 'x',
    codeVersion: 'test',
  };
  await saveSpeechModel(instance.db, instance.dataDir, header, model);
  await importSpeechItems(instance.db, {
    input: { text: POSTS.map((p) => JSON.stringify(p)).join('\n'), name: 'posts.jsonl' },
    format: 'jsonl',
    authorKey: await readOrCreateAuthorKey(keysDirOf(instance.dataDir)),
  });
  const { classifier, modelId } = await loadSpeechModel(instance.db, instance.dataDir);
  await scoreItems(instance.db, classifier, modelId);
  await createGroup(instance.db, { country: 'CAF', name: 'Zorb', kind: 'ethnic', areas: [], notes: '' }, null);
}

const postId = async (page: Page, n: number): Promise<number> => {
  const heading = await page.getByTestId('speech-queue').getByRole('heading', { level: 2 }).nth(n).textContent();
  return Number(/\d+/.exec(heading ?? '')?.[0]);
};

describeInBrowser(
  'hate speech queue in Chromium',
  () => {
    let instance: TestInstance;
    let browser: Browser;
    let page: Page;
    let first: number;
    let second: number;

    beforeAll(async () => {
      instance = await createTestInstance();
      await seedQueue(instance);
      browser = await openBrowser();
      page = browser.page;
      await page.goto(`${instance.url}/speech`);
      await signIn(page, instance.users.analyst);
    });

    afterAll(async () => {
      await browser?.close();
      await instance?.close();
    });

    it('lists the posts over the threshold with their score, class and groups, text hidden until asked', async () => {
      await page.getByRole('heading', { level: 1, name: 'Hate speech queue' }).waitFor();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('2 posts waiting');
      first = await postId(page, 0);
      second = await postId(page, 1);
      const card = page.getByTestId('speech-queue').getByRole('listitem').first();
      const text = (await card.textContent()) ?? '';
      expect(text).toMatch(/Hate speech/);
      expect(text).toContain('Martian');
      expect(text).toMatch(/\d+%/);
      for (const p of POSTS) expect(text).not.toContain(p.text);
      expect(await card.getByTestId('post-text').count()).toBe(0);

      await card.getByRole('button', { name: `Show text of post ${first}` }).click();
      const shown = (await card.getByTestId('post-text').textContent()) ?? '';
      expect(POSTS.slice(0, 2).map((p) => p.text)).toContain(shown);
      const marks = await card.getByTestId('post-text').locator('mark').allTextContents();
      expect(marks.map((m) => m.toLowerCase())).toContain('zorblat');
      expect(await card.getByTestId('post-words').textContent()).toContain('zorblat');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshotBothWidths(page, 'speech-queue');
    });

    it('shows the server’s refusal when incitement is chosen with intent unclear, and stores nothing', async () => {
      await page.getByRole('link', { name: `Review post ${first}` }).click();
      await page.getByRole('heading', { level: 1, name: `Post ${first}` }).waitFor();
      const parts = ['Context', 'Speaker', 'Intent', 'Content and form', 'Extent', 'Likelihood, including imminence'];
      for (const part of parts) {
        await page
          .getByRole('radiogroup', { name: `${part}: Assessment` })
          .getByLabel(part === 'Intent' ? 'Unclear' : 'Met', { exact: true })
          .check();
        await page.getByLabel(`Why (${part})`).fill(`${part} considered`);
      }
      await page.getByRole('radio', { name: /^Incitement/ }).check();
      await page.getByLabel('Protected group targeted').selectOption({ label: 'Zorb' });
      await page.getByLabel('Place (first-order administrative area)').fill('Ouham');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Record the review' }).click();
      await expect
        .poll(() => page.getByTestId('review-problem').textContent())
        .toBe('The server refused the review: rabat.intent: incitement needs every Rabat part assessed, and intent is unclear');
      expect((await getQueueItem(instance.db, first)).review).toBeNull();
    });

    it('records the six parts and the decision once intent is met', async () => {
      await page.getByRole('radiogroup', { name: 'Intent: Assessment' }).getByLabel('Met', { exact: true }).check();
      await page.getByLabel('Note', { exact: true }).fill('forwarded to the protection cluster');
      await page.getByRole('button', { name: 'Record the review' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Review recorded.' }).count()).toBe(1);
      const shown = page.getByTestId('speech-review');
      expect(await shown.textContent()).toContain('Incitement');
      expect(await shown.textContent()).toContain('Reviewed by analyst');

      const { review } = await getQueueItem(instance.db, first);
      expect(review).toMatchObject({
        decision: 'incitement',
        group: { name: 'Zorb' },
        country: 'CAF',
        admin1: 'Ouham',
        note: 'forwarded to the protection cluster',
        reviewedBy: 'analyst',
        rabat: { intent: { assessment: 'met', note: 'Intent considered' }, extent: { assessment: 'met' } },
      });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Hate speech queue' }).first().click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('1 post waiting');
    });

    it('lets a viewer read a post but not review it', async () => {
      await signOut(page);
      await signIn(page, instance.users.viewer);
      await page.goto(`${instance.url}/speech`);
      await page.getByRole('link', { name: `Read post ${second}` }).click();
      await page.getByRole('heading', { level: 1, name: `Post ${second}` }).waitFor();
      await expect.poll(() => page.getByText('Not reviewed yet.').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Record the review' }).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('reads right to left in Arabic', async () => {
      await page.getByLabel('Language').selectOption('ar');
      await page.getByRole('heading', { level: 1, name: `المنشور ${second}` }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expect.poll(() => page.getByText('لم تتم مراجعته بعد.').count()).toBe(1);
      await page.locator('.app-header .language-menu select').selectOption('en');
    });

    it('is not offered to a field monitor', async () => {
      await signOut(page);
      await signIn(page, instance.users.monitor);
      expect(await page.getByRole('link', { name: 'Hate speech' }).count()).toBe(0);
      await page.goto(`${instance.url}/speech`);
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Your role does not give access to this page.');
    });
  },
  { needsSharedData: false },
);
