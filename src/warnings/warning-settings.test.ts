import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_SETTINGS,
  deadlinesFor,
  maskWarningSettings,
  MASKED_SECRET,
  parseWarningSettings,
  unmaskWarningSettings,
} from './warning-settings.js';

describe('warning settings', () => {
  it('sets deadlines by severity from the time raised', () => {
    const d = deadlinesFor(DEFAULT_WARNING_SETTINGS, 'critical', new Date('2025-03-01T00:00:00Z'));
    expect(d.ackDueAt.toISOString()).toBe('2025-03-02T00:00:00.000Z');
    expect(d.decideDueAt.toISOString()).toBe('2025-03-04T00:00:00.000Z');
  });
  it('refuses bad settings naming the field', () => {
    const bad = {
      ...DEFAULT_WARNING_SETTINGS,
      deadlines: { ...DEFAULT_WARNING_SETTINGS.deadlines, high: { acknowledgeHours: 48, decideHours: 24 } },
    };
    expect(() => parseWarningSettings(bad)).toThrow(/deadlines\.high\.decideHours: decideHours must not be shorter/);
    expect(() => parseWarningSettings({ ...DEFAULT_WARNING_SETTINGS, tiers: [{ roles: [], users: [] }] })).toThrow(/tiers\.0/);
    expect(() =>
      parseWarningSettings({ ...DEFAULT_WARNING_SETTINGS, webhooks: [{ url: 'ftp://x.org/h', secret: 'x'.repeat(20) }] }),
    ).toThrow(/webhooks\.0\.url/);
  });
  it('masks webhook secrets, and keeps the stored secret when the mask comes back', () => {
    const stored = parseWarningSettings({
      ...DEFAULT_WARNING_SETTINGS,
      webhooks: [{ url: 'https://hooks.example.org/t', secret: 's'.repeat(32) }],
    });
    const shown = maskWarningSettings(stored);
    expect(shown.webhooks[0]!.secret).toBe(MASKED_SECRET);
    expect(parseWarningSettings(unmaskWarningSettings(shown, stored)).webhooks[0]!.secret).toBe('s'.repeat(32));
    const other = { ...shown, webhooks: [{ url: 'https://other.example.org/', secret: MASKED_SECRET }] };
    expect(() => unmaskWarningSettings(other, stored)).toThrow(/webhooks\.0\.secret: no stored secret/);
  });
});
