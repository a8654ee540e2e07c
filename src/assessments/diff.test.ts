import { describe, expect, it } from 'vitest';
import { diffAssessments } from './diff.js';

describe('diffAssessments', () => {
  it('lists changed ratings and confidences, factor score changes and the level change', () => {
    const d = diffAssessments(
      {
        id: 1,
        level: 'monitoring',
        factorScores: { RF1: 1, RF2: 2, RF8: null },
        ratings: [
          { indicatorId: '1.1', rating: 'low', confidence: 'high' },
          { indicatorId: '2.1', rating: 'moderate', confidence: 'low' },
          { indicatorId: '10.1', rating: 'low', confidence: 'low' },
        ],
      },
      {
        id: 2,
        level: 'imminent-risk',
        factorScores: { RF1: 2.5, RF2: 2, RF8: 3 },
        ratings: [
          { indicatorId: '1.1', rating: 'high', confidence: 'high' },
          { indicatorId: '2.1', rating: 'moderate', confidence: 'medium' },
          { indicatorId: '10.1', rating: 'low', confidence: 'low' },
          { indicatorId: '8.1', rating: 'high', confidence: 'medium' },
        ],
      },
    );
    expect(d.level).toEqual({ from: 'monitoring', to: 'imminent-risk', direction: 'rose' });
    expect(d.indicators).toEqual([
      { indicatorId: '1.1', from: { rating: 'low', confidence: 'high' }, to: { rating: 'high', confidence: 'high' } },
      { indicatorId: '2.1', from: { rating: 'moderate', confidence: 'low' }, to: { rating: 'moderate', confidence: 'medium' } },
      { indicatorId: '8.1', from: null, to: { rating: 'high', confidence: 'medium' } },
    ]);
    expect(d.factors).toEqual([
      { factorId: 'RF1', from: 1, to: 2.5, change: 1.5 },
      { factorId: 'RF8', from: null, to: 3, change: null },
    ]);
  });

  it('says when the level fell or stayed', () => {
    const side = (id: number, level: 'serious-concern' | 'monitoring') => ({ id, level, factorScores: {}, ratings: [] });
    expect(diffAssessments(side(1, 'serious-concern'), side(2, 'monitoring')).level.direction).toBe('fell');
    expect(diffAssessments(side(1, 'monitoring'), side(2, 'monitoring')).level.direction).toBe('same');
  });
});
