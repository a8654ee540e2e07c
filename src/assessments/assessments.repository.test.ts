import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../access/users.repository.js';
import type { Iso3 } from '../core/brand.js';
import { describeEachEngine } from '../test-support/engines.js';
import { event, storeAndSurvey } from '../test-support/event-fixtures.js';
import { newAssessmentSchema, ratingInputSchema } from './assessment.js';
import { rateIndicator } from './assessment-ratings.repository.js';
import { consistencyOfPublished, diffStoredAssessments, viewAssessment } from './assessment-view.js';
import { publishAssessment, returnAssessment, reviseAssessment, submitAssessment } from './assessment-workflow.repository.js';
import { assessmentHistory, createAssessment, getAssessment } from './assessments.repository.js';
import { insertTestFramework } from './test-framework.fixture.js';
import type { Actor } from './workflow.js';

describeEachEngine('assessments repository', ({ db }) => {
  let analyst: Actor;
  let reviewer: Actor;
  let viewer: Actor;
  let version: number;
  const create = (o: Record<string, unknown>, by = analyst) =>
    db().transaction((tx) =>
      createAssessment(tx, newAssessmentSchema.parse({ periodStart: '2024-01-01', periodEnd: '2024-06-30', ...o }), by),
    );
  const rate = (id: number, indicator: string, o: Record<string, unknown>, by = analyst) =>
    rateIndicator(db(), id, indicator, ratingInputSchema.parse(o), by);

  beforeAll(async () => {
    const user = async (username: string, role: Actor['role']) => {
      const u = await createUser(db(), { username, password: 'a long password', role });
      return { id: u.id, role };
    };
    analyst = await user('amina', 'analyst');
    reviewer = await user('rui', 'reviewer');
    viewer = await user('vera', 'viewer');
    version = await insertTestFramework(db());
    await storeAndSurvey(db(), [
      event({ dateStart: '2024-02-10', category: 'state-based', fatalitiesBest: 20, countryIso3: 'CAF' as Iso3 }),
      event({ dateStart: '2024-03-01', category: 'state-based', fatalitiesBest: 40, countryIso3: 'CAF' as Iso3 }),
      event({ dateStart: '2021-05-01', category: 'one-sided', fatalitiesBest: 150, countryIso3: 'CAF' as Iso3 }),
      event({ dateStart: '2017-05-01', category: 'one-sided', fatalitiesBest: 999, countryIso3: 'CAF' as Iso3 }),
    ]);
    await db().query('DELETE FROM signals'); // the test's own signals only
  });

  it('opens a draft against the newest framework, and refuses unknown countries and groups of another country', async () => {
    const id = await create({ country: 'caf' });
    const a = await getAssessment(db(), id);
    expect(a).toMatchObject({ country: 'CAF', status: 'draft', frameworkVersion: version, author: 'amina', level: null });
    expect(a.factorScores).toEqual({ RF1: null, RF2: null, RF8: null });
    await expect(create({ country: 'XYZ' })).rejects.toThrow(/country: no country XYZ/);
    const [g] = await db().query<{ id: number }>(
      `INSERT INTO protected_groups (country_iso3, name, kind) VALUES ('SSD', 'Nuer', 'ethnic') RETURNING id`,
    );
    await expect(create({ country: 'CAF', groupId: g!.id })).rejects.toThrow(/group .* \(Nuer\) is a group of SSD, not of CAF/);
    await expect(create({ country: 'CAF' }, viewer)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('rates indicators, stores the factor scores and logs each change with what it replaced', async () => {
    const id = await create({ country: 'CAF' });
    const [e] = await db().query<{ id: number }>(`SELECT id FROM events WHERE category = 'state-based' LIMIT 1`);
    await rate(id, '1.1', {
      rating: 'moderate',
      confidence: 'high',
      rationale: 'clashes',
      evidence: [{ kind: 'event', id: e!.id }],
    });
    await rate(id, '1.1', { rating: 'high', confidence: 'medium' });
    await rate(id, '8.1', { rating: 'unknown', confidence: 'low' });
    const a = await getAssessment(db(), id);
    expect(a.factorScores).toEqual({ RF1: 3, RF2: null, RF8: null });
    expect(a.ratings.map((r) => [r.indicatorId, r.rating, r.ratedBy])).toEqual([
      ['1.1', 'high', 'amina'],
      ['8.1', 'unknown', 'amina'],
    ]);
    const log = await assessmentHistory(db(), id);
    expect(log.map((l) => l.action)).toEqual(['created', 'rated', 'rated', 'rated']);
    expect(log[2]!.detail).toMatchObject({
      indicatorId: '1.1',
      rating: 'high',
      previous: { rating: 'moderate', confidence: 'high' },
    });
    expect(log[2]!.user).toBe('amina');
  });

  it('refuses indicators outside the framework version and evidence not in the store, keeping what was stored', async () => {
    const id = await create({ country: 'CAF' });
    await rate(id, '2.1', { rating: 'low', confidence: 'high' });
    await expect(rate(id, '4.1', { rating: 'low', confidence: 'high' })).rejects.toThrow(
      /4\.1 is not an indicator of framework version/,
    );
    await expect(
      rate(id, '2.1', {
        rating: 'high',
        confidence: 'high',
        evidence: [
          { kind: 'event', id: 987654 },
          { kind: 'signal', id: 5 },
          { kind: 'forecast', id: '1:CAF:2023' },
        ],
      }),
    ).rejects.toThrow(/evidence: not in the store: event 987654, signal 5, forecast 1:CAF:2023/);
    await rate(id, '2.2', { rating: 'low', confidence: 'high', evidence: [{ kind: 'report', id: 'field-17' }] });
    expect((await getAssessment(db(), id)).ratings.map((r) => r.rating)).toEqual(['low', 'low']);
  });

  it('goes draft -> in review -> back to draft with a note -> published by another reviewer, then never changes', async () => {
    const id = await create({ country: 'CAF' });
    await rate(id, '1.1', { rating: 'high', confidence: 'high' });
    await expect(publishAssessment(db(), id, reviewer)).rejects.toMatchObject({ code: 'conflict' });
    await submitAssessment(db(), id, { level: 'serious-concern' }, analyst);
    await expect(rate(id, '1.2', { rating: 'high', confidence: 'high' })).rejects.toThrow(/in-review, so you cannot rate it/);
    await expect(returnAssessment(db(), id, { note: 'rate RF8' }, analyst)).rejects.toMatchObject({ code: 'forbidden' });
    await returnAssessment(db(), id, { note: 'rate RF8' }, reviewer);
    await rate(id, '8.1', { rating: 'high', confidence: 'high' });
    await submitAssessment(db(), id, { level: 'imminent-risk', summary: 'fighting spreads' }, analyst);
    const published = await publishAssessment(db(), id, reviewer);
    expect(published).toEqual({
      assessmentId: id,
      level: 'imminent-risk',
      previousAssessmentId: null,
      previousLevel: null,
      levelRose: true,
    });
    const a = await getAssessment(db(), id);
    expect(a).toMatchObject({ status: 'published', reviewer: 'rui', summary: 'fighting spreads' });
    expect(a.publishedAt).not.toBeNull();
    await expect(rate(id, '1.2', { rating: 'low', confidence: 'high' })).rejects.toThrow(/published assessments never change/);
    expect((await assessmentHistory(db(), id)).map((l) => l.action)).toEqual([
      'created',
      'rated',
      'submitted',
      'returned',
      'rated',
      'submitted',
      'published',
    ]);
  });

  it('refuses publication by the author, even a reviewer', async () => {
    const id = await create({ country: 'SSD' }, { ...reviewer, role: 'admin' });
    await submitAssessment(db(), id, { level: 'monitoring' }, { ...reviewer, role: 'admin' });
    await expect(publishAssessment(db(), id, reviewer)).rejects.toThrow(/another reviewer must publish it/);
  });

  it('revises a published assessment into a new draft, and compares levels with the previous of the same scope', async () => {
    const id = await create({ country: 'COD', admin1: 'Ituri' });
    await rate(id, '1.1', { rating: 'high', confidence: 'high' });
    await rate(id, '2.1', { rating: 'moderate', confidence: 'medium' });
    await submitAssessment(db(), id, { level: 'serious-concern' }, analyst);
    await publishAssessment(db(), id, reviewer);
    const copy = await reviseAssessment(db(), id, { periodStart: '2024-07-01', periodEnd: '2024-12-31' }, analyst);
    const draft = await getAssessment(db(), copy);
    expect(draft).toMatchObject({ status: 'draft', admin1: 'Ituri', level: 'serious-concern', periodStart: '2024-07-01' });
    expect(draft.ratings.map((r) => r.indicatorId)).toEqual(['1.1', '2.1']);
    await rate(copy, '2.1', { rating: 'low', confidence: 'high' });
    await submitAssessment(db(), copy, { level: 'monitoring' }, analyst);
    expect(await publishAssessment(db(), copy, reviewer)).toMatchObject({
      previousAssessmentId: id,
      previousLevel: 'serious-concern',
      levelRose: false,
    });
    await expect(reviseAssessment(db(), id, { periodStart: '2025-01-01', periodEnd: '2025-06-30' }, analyst)).rejects.toThrow(
      new RegExp(`assessment ${copy} was published after ${id}`),
    );
    const diff = await diffStoredAssessments(db(), id, copy);
    expect(diff.level).toEqual({ from: 'serious-concern', to: 'monitoring', direction: 'fell' });
    expect(diff.indicators).toEqual([
      { indicatorId: '2.1', from: { rating: 'moderate', confidence: 'medium' }, to: { rating: 'low', confidence: 'high' } },
    ]);
  });

  it('shows the suggestions from data beside the ratings, and the suggested level beside the chosen one', async () => {
    const id = await create({ country: 'CAF' });
    await db().query(
      `INSERT INTO signals (country_iso3, category, measure, week, method, observed, status) VALUES
       ('CAF', 'one-sided', 'incidents', '2024-03-04', 'ears-c1', 6, 'new'),
       ('CAF', 'one-sided', 'fatalities', '2024-03-11', 'ears-c1', 30, 'discarded'),
       ('CAF', 'one-sided', 'incidents', '2023-03-06', 'ears-c1', 4, 'new')`,
    );
    await rate(id, '1.1', { rating: 'high', confidence: 'high' });
    const v = await viewAssessment(db(), id);
    const s = Object.fromEntries(v.suggestions.map((x) => [x.factorId, x]));
    // 60 state-based deaths in 182 days: about 120 a year, an armed conflict.
    expect(s.RF1).toMatchObject({ suggestedRating: 'moderate' });
    expect(s.RF1!.basis).toMatch(/^2 state-based conflict events with 60 deaths/);
    expect(s.RF1!.evidence).toHaveLength(2);
    // 150 one-sided deaths in 2019-2023 (the 2017 event is before the five years): 30 a year.
    expect(s.RF2).toMatchObject({ suggestedRating: 'moderate' });
    expect(s.RF2!.basis).toMatch(/^1 events of one-sided violence .* 150 deaths from 2019-01-01 to 2023-12-31/);
    expect(s.RF8).toMatchObject({ suggestedRating: 'moderate', evidence: [{ kind: 'signal' }] });
    expect(v.level).toBeNull();
    expect(v.suggestedLevel.level).toBe('imminent-risk'); // one of three factors high: a third of the framework
    expect(v.scores.find((x) => x.factorId === 'RF1')).toMatchObject({ score: 3, coverage: 0.33 });
    expect((await getAssessment(db(), id)).ratings).toHaveLength(1); // nothing applied
  });

  it('reports countries with similar scores but different levels among the latest published', async () => {
    const publish = async (country: string, level: 'monitoring' | 'imminent-risk') => {
      const id = await create({ country });
      for (const i of ['1.1', '2.1', '8.1']) await rate(id, i, { rating: 'high', confidence: 'high' });
      await submitAssessment(db(), id, { level }, analyst);
      await publishAssessment(db(), id, reviewer);
    };
    await publish('MLI', 'monitoring');
    await publish('NER', 'imminent-risk');
    const report = await consistencyOfPublished(db());
    const pair = report.pairs.find((p) => p.a.country === 'MLI' && p.b.country === 'NER');
    expect(pair).toMatchObject({ distance: 0, levelGap: 2 });
    expect(report.text).toMatch(/double standards/);
  });
});
