import { describe, expect, it } from 'vitest';
import { evidenceIntakeSchema, parseLinkRef } from '../../../src/evidence/evidence-item.js';
import { intakeQuery, type IntakeForm } from './intake-query.js';

const blank: IntakeForm = { sourceUrl: '', capturedAt: '', captureTool: '', notes: '', links: '' };
const utc = () => 0;
const paris = () => 120; // UTC+2 in May

describe('intakeQuery', () => {
  it('sends only the name when nothing else is given', () => {
    expect((intakeQuery('statement.pdf', blank, utc) as URLSearchParams).toString()).toBe('name=statement.pdf');
  });

  it('sends every field the server reads, trimmed, and each link separately', () => {
    const q = intakeQuery(
      'clip.mp4',
      {
        sourceUrl: ' https://example.org/post/1 ',
        capturedAt: '2026-05-01T10:15',
        captureTool: 'SingleFile',
        notes: ' why ',
        links: 'report:12, event:4',
      },
      paris,
    );
    expect(q).toBeInstanceOf(URLSearchParams);
    const p = q as URLSearchParams;
    expect(p.get('sourceUrl')).toBe('https://example.org/post/1');
    expect(p.get('capturedAt')).toBe('2026-05-01T08:15:00.000Z');
    expect(p.get('captureTool')).toBe('SingleFile');
    expect(p.get('notes')).toBe('why');
    expect(p.getAll('link')).toEqual(['report:12', 'event:4']);
    // What the server's own parsers make of it
    expect(p.getAll('link').map(parseLinkRef)).toEqual([
      { kind: 'report', targetId: 12 },
      { kind: 'event', targetId: 4 },
    ]);
    expect(
      evidenceIntakeSchema.safeParse({
        originalName: p.get('name'),
        sourceUrl: p.get('sourceUrl'),
        capturedAt: p.get('capturedAt'),
      }).success,
    ).toBe(true);
  });

  it('names the field the server would refuse', () => {
    expect(intakeQuery('a', { ...blank, sourceUrl: 'javascript:alert(1)' }, utc)).toEqual({ field: 'sourceUrl' });
    expect(intakeQuery('a', { ...blank, capturedAt: '2026-02-30T10:00' }, utc)).toEqual({ field: 'capturedAt' });
    expect(intakeQuery('a', { ...blank, links: 'report:12 person:3' }, utc)).toEqual({ field: 'links', ref: 'person:3' });
  });
});
