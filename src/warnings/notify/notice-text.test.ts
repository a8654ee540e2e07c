import { describe, expect, it } from 'vitest';
import type { WarningNotice } from './notice.js';
import { noticeSubject, noticeText } from './notice-text.js';

const notice: WarningNotice = {
  warningId: 7,
  title: 'Killings of civilians in the north',
  severity: 'critical',
  country: 'SDN',
  countryName: 'Sudan',
  admin1: 'North Darfur',
  status: 'raised',
  tier: 0,
  ackDueAt: '2026-03-02T10:00:00.000Z',
  decideDueAt: '2026-03-04T10:00:00.000Z',
  summary: 'Reports of attacks on villages.',
  url: 'https://tocsin.example.org/warnings/7',
};

describe('noticeSubject', () => {
  it('names the step, severity, title and place', () => {
    expect(noticeSubject('raised', notice)).toBe(
      '[Tocsin] Warning raised (critical): Killings of civilians in the north - North Darfur, Sudan (SDN)',
    );
  });

  it('keeps a hostile title on one header line', () => {
    const s = noticeSubject('escalated', { ...notice, title: 'x\r\nBcc: victim@example.org', admin1: null });
    expect(s).not.toMatch(/[\r\n]/);
    expect(s).toBe('[Tocsin] Warning escalated: a step is overdue (critical): x Bcc: victim@example.org - Sudan (SDN)');
  });
});

describe('noticeText', () => {
  it('says what, where, how severe, the deadlines and the link', () => {
    const text = noticeText('raised', notice);
    expect(text).toContain('What:            Killings of civilians in the north');
    expect(text).toContain('Where:           North Darfur, Sudan (SDN)');
    expect(text).toContain('Severity:        Critical');
    expect(text).toContain('Acknowledge by:  2026-03-02 10:00 UTC');
    expect(text).toContain('Decide by:       2026-03-04 10:00 UTC');
    expect(text).toContain('Reports of attacks on villages.');
    expect(text).toContain('Open the warning: https://tocsin.example.org/warnings/7');
  });

  it('names the warning by number when no public address is configured', () => {
    expect(noticeText('decided', { ...notice, url: null })).toContain('Open warning #7 in Tocsin.');
  });
});
