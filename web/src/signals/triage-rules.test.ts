import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-schemas.js';
import { mayTriage, reasonProblem } from './triage-rules.js';

describe('mayTriage', () => {
  it('admits analysts and administrators only, as the API does', () => {
    expect(ROLES.filter(mayTriage)).toEqual(['admin', 'analyst']);
  });
});

describe('reasonProblem', () => {
  it('asks for a reason when there is none, or only spaces', () => {
    expect(reasonProblem('')).toBe('required');
    expect(reasonProblem('  \n ')).toBe('required');
  });

  it('refuses a reason longer than the API keeps, counting without the surrounding spaces', () => {
    expect(reasonProblem('x'.repeat(11), 10)).toBe('tooLong');
    expect(reasonProblem(`  ${'x'.repeat(10)}  `, 10)).toBeNull();
  });
});
