import { describe, expect, it } from 'vitest';
import type { AssessmentSummary, IndicatorRating, Suggestion } from './api.js';
import {
  canDraft,
  defaultComparison,
  defaultPeriod,
  draftOf,
  formatEvidence,
  isPeriod,
  isUnsaved,
  parseEvidence,
  permissionsFor,
  suggestionsFor,
  verificationFlag,
} from './assessment-model.js';

const summary = (over: Partial<AssessmentSummary>): AssessmentSummary => ({
  id: 1,
  country: 'CAF',
  admin1: null,
  groupId: null,
  periodStart: '2022-01-01',
  periodEnd: '2022-06-30',
  frameworkVersion: 1,
  status: 'draft',
  level: null,
  summary: '',
  factorScores: {},
  author: 'analyst',
  authorId: 10,
  reviewer: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  submittedAt: null,
  publishedAt: null,
  ...over,
});

describe('permissionsFor', () => {
  const analyst = { id: 10, role: 'analyst' as const };
  const otherAnalyst = { id: 11, role: 'analyst' as const };
  const reviewer = { id: 20, role: 'reviewer' as const };
  const viewer = { id: 30, role: 'viewer' as const };

  it('lets the author rate and submit a draft, another analyst rate but not submit, a viewer nothing', () => {
    const draft = summary({ status: 'draft' });
    expect(permissionsFor(draft, analyst)).toEqual({ rate: true, submit: true, return: false, publish: false, revise: false });
    expect(permissionsFor(draft, otherAnalyst)).toMatchObject({ rate: true, submit: false });
    expect(permissionsFor(draft, viewer)).toEqual({ rate: false, submit: false, return: false, publish: false, revise: false });
    expect(permissionsFor(draft, reviewer)).toMatchObject({ rate: false, return: false, publish: false });
  });

  it('lets a reviewer return or publish what is in review, but never publish their own work', () => {
    const inReview = summary({ status: 'in-review' });
    expect(permissionsFor(inReview, reviewer)).toEqual({
      rate: false,
      submit: false,
      return: true,
      publish: true,
      revise: false,
    });
    expect(permissionsFor(inReview, analyst)).toMatchObject({ rate: false, return: false, publish: false });
    expect(permissionsFor({ ...inReview, authorId: 20 }, reviewer)).toMatchObject({ return: true, publish: false });
  });

  it('offers revise on a published assessment to drafters only', () => {
    const published = summary({ status: 'published' });
    expect(permissionsFor(published, otherAnalyst).revise).toBe(true);
    expect(permissionsFor(published, reviewer).revise).toBe(false);
    expect(permissionsFor(published, analyst).rate).toBe(false);
  });

  it('lets analysts and admins open drafts, and no one else', () => {
    expect(['admin', 'analyst', 'reviewer', 'viewer', 'monitor'].filter((r) => canDraft(r as 'admin'))).toEqual([
      'admin',
      'analyst',
    ]);
  });
});

describe('parseEvidence', () => {
  it('reads events, signals, forecasts, reports and evidence items, separated by commas or spaces', () => {
    expect(parseEvidence('event:12, signal:3 forecast:3:sdn:2024; report:7 evidence:abc')).toEqual({
      links: [
        { kind: 'event', id: 12 },
        { kind: 'signal', id: 3 },
        { kind: 'forecast', id: '3:SDN:2024' },
        { kind: 'report', id: '7' },
        { kind: 'evidence', id: 'abc' },
      ],
      invalid: [],
    });
  });

  it('returns what it cannot read word for word: unknown kinds, non-numeric event ids, bad forecasts', () => {
    expect(parseEvidence('event:x12, tweet:4, 12, signal:0, forecast:SDN, event:')).toEqual({
      links: [],
      invalid: ['event:x12', 'tweet:4', '12', 'signal:0', 'forecast:SDN', 'event:'],
    });
  });

  it('round-trips with formatEvidence', () => {
    const text = 'event:12, signal:3, forecast:3:SDN:2024';
    expect(formatEvidence(parseEvidence(text).links)).toBe(text);
  });
});

describe('isUnsaved', () => {
  const saved: IndicatorRating = {
    indicatorId: '1.1',
    rating: 'high',
    confidence: 'medium',
    rationale: 'war',
    evidence: [{ kind: 'event', id: 4 }],
    ratedBy: 'analyst',
    ratedAt: '2026-01-01T00:00:00Z',
  };

  it('is false for the saved rating as the form shows it, even with the evidence spaced differently', () => {
    expect(isUnsaved(draftOf(saved), saved)).toBe(false);
    expect(isUnsaved({ ...draftOf(saved), evidence: ' event:4 ' }, saved)).toBe(false);
  });

  it('is true when the rating, confidence, note or evidence changed', () => {
    expect(isUnsaved({ ...draftOf(saved), rating: 'low' }, saved)).toBe(true);
    expect(isUnsaved({ ...draftOf(saved), confidence: 'high' }, saved)).toBe(true);
    expect(isUnsaved({ ...draftOf(saved), rationale: 'war, and more' }, saved)).toBe(true);
    expect(isUnsaved({ ...draftOf(saved), evidence: 'event:4, event:5' }, saved)).toBe(true);
  });

  it('counts a note typed on an unrated indicator as unsaved, but not a confidence alone', () => {
    expect(isUnsaved({ ...draftOf(undefined), rationale: 'x' }, undefined)).toBe(true);
    expect(isUnsaved({ ...draftOf(undefined), confidence: 'high' }, undefined)).toBe(false);
  });
});

describe('suggestionsFor', () => {
  const s = (factorId: string, indicatorId: string | null): Suggestion => ({
    factorId,
    indicatorId,
    suggestedRating: 'moderate',
    basis: `${factorId}/${indicatorId}`,
    evidence: [],
  });

  it('gives an indicator its own suggestions first, then its factor’s, never another factor’s', () => {
    const all = [s('RF1', null), s('RF2', null), s('RF1', '1.2'), s('RF1', '1.3')];
    expect(suggestionsFor(all, 'RF1', '1.2').map((x) => x.basis)).toEqual(['RF1/1.2', 'RF1/null']);
    expect(suggestionsFor(all, 'RF3', '3.1')).toEqual([]);
  });
});

describe('verificationFlag', () => {
  it('flags texts from memory or the brief as unverified, and marks partial and edited ones', () => {
    expect(verificationFlag('source')).toBeNull();
    expect(verificationFlag('recall')).toBe('unverified');
    expect(verificationFlag('brief')).toBe('unverified');
    expect(verificationFlag('partial')).toBe('partial');
    expect(verificationFlag('edited')).toBe('edited');
    expect(verificationFlag('added')).toBe('edited');
  });
});

describe('defaultComparison', () => {
  const current = summary({ id: 5, periodStart: '2022-07-01', periodEnd: '2022-12-31' });

  it('prefers the assessment this one was revised from', () => {
    const others = [summary({ id: 3 }), summary({ id: 4 })];
    expect(defaultComparison(current, others, 3)).toBe(3);
  });

  it('else takes the latest earlier one of the same scope, skipping other regions and later periods', () => {
    const others = [
      summary({ id: 2, periodEnd: '2021-12-31' }),
      summary({ id: 3, periodEnd: '2022-06-30' }),
      summary({ id: 4, periodEnd: '2022-06-30', admin1: 'Ouham' }),
      summary({ id: 6, periodEnd: '2023-06-30' }),
    ];
    expect(defaultComparison(current, others, null)).toBe(3);
    expect(defaultComparison(current, [summary({ id: 6, periodEnd: '2023-06-30' })], 99)).toBeNull();
  });
});

describe('periods', () => {
  it('defaults to the six whole months before today, across a year boundary', () => {
    expect(defaultPeriod('2026-11-24')).toEqual({ periodStart: '2026-05-01', periodEnd: '2026-10-31' });
    expect(defaultPeriod('2026-03-02')).toEqual({ periodStart: '2025-09-01', periodEnd: '2026-02-28' });
  });

  it('accepts a period that ends on or after its start', () => {
    expect(isPeriod('2022-01-01', '2022-01-01')).toBe(true);
    expect(isPeriod('2022-02-01', '2022-01-31')).toBe(false);
    expect(isPeriod('2022-02-01', '')).toBe(false);
  });
});
