import { describe, expect, it } from 'vitest';
import { SEVERITIES, WARNING_STATUSES, type Decision } from '../warnings/warning.js';
import { capAlertElement, warningToCapAlert, type CapWarning } from './cap-alert.js';
import { capUrgency } from './cap-mapping.js';
import { escapeXml } from './xml.js';
import { capSchemaErrors as schemaErrors } from '../test-support/cap-schema.js';

const base: CapWarning = {
  id: 7,
  title: 'Killings of displaced people near Bria',
  summary: 'Armed groups threaten camps near the border.',
  severity: 'critical',
  country: 'CAF',
  admin1: 'Haute-Kotto',
  origin: 'signal',
  status: 'raised',
  decision: null,
  public: true,
  raisedAt: '2025-03-01T08:00:00.000Z',
  acknowledgedAt: null,
  decideDueAt: '2025-03-04T08:00:00.000Z',
  decidedAt: null,
  closedAt: null,
};
const opts = {
  sender: 'warnings@tocsin.example.org',
  countryName: 'Central African Republic',
  now: new Date('2025-03-01T09:00:00Z'),
};

/** A warning in each state, with the step times the state implies. */
const inState = (status: CapWarning['status'], decision: Decision | null): CapWarning => ({
  ...base,
  status,
  decision: status === 'raised' || status === 'acknowledged' ? null : decision,
  acknowledgedAt: status === 'raised' ? null : '2025-03-01T10:00:00.000Z',
  decidedAt: status === 'raised' || status === 'acknowledged' ? null : '2025-03-02T10:00:00.000Z',
  closedAt: status === 'closed' ? '2025-03-09T10:00:00.000Z' : null,
});

const unescape = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|#13|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#13': '\r', amp: '&' })[e]!,
  );

describe('warningToCapAlert', () => {
  it('writes a valid CAP 1.2 alert for every severity, status and decision', async () => {
    const docs = SEVERITIES.flatMap((severity) =>
      WARNING_STATUSES.flatMap((status) =>
        (['act', 'monitor', 'no-action'] as const).map((decision) =>
          warningToCapAlert(
            { ...inState(status, decision), severity },
            { ...opts, measureTitles: ['Deploy human-rights monitors'] },
          ),
        ),
      ),
    );
    expect(docs).toHaveLength(60);
    expect(await schemaErrors(...docs)).toEqual([]);
  });

  it('has the validator reject an alert missing a required element (so the test above can fail)', async () => {
    const xml = warningToCapAlert(base, opts);
    expect(await schemaErrors(xml)).toEqual([]);
    const broken = xml.replace(/\s*<sender>[^<]*<\/sender>/, '');
    expect((await schemaErrors(broken)).join('\n')).toMatch(/sender/);
    expect((await schemaErrors(xml.replace('-00:00</sent>', 'Z</sent>'))).join('\n')).toMatch(/sent/);
  });

  it('maps severity, urgency, certainty, message type, area and geocode', () => {
    const raised = warningToCapAlert(base, opts);
    expect(raised).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(raised).toContain('<identifier>tocsin-warning-7-20250301T080000Z</identifier>');
    expect(raised).toContain('<sent>2025-03-01T08:00:00-00:00</sent>');
    expect(raised).toMatch(/<status>Actual<\/status>\s*<msgType>Alert<\/msgType>\s*<scope>Public<\/scope>/);
    expect(raised).toMatch(/<urgency>Immediate<\/urgency>\s*<severity>Extreme<\/severity>\s*<certainty>Possible<\/certainty>/);
    expect(raised).toContain('<areaDesc>Haute-Kotto, Central African Republic</areaDesc>');
    expect(raised).toMatch(/<geocode>\s*<valueName>ISO3166-1-alpha-3<\/valueName>\s*<value>CAF<\/value>/);
    expect(raised).not.toContain('<references>');

    const acted = warningToCapAlert(inState('measures', 'act'), opts);
    expect(acted).toMatch(/<msgType>Update<\/msgType>/);
    expect(acted).toContain(
      '<references>warnings@tocsin.example.org,tocsin-warning-7-20250301T080000Z,2025-03-01T08:00:00-00:00</references>',
    );
    expect(acted).toContain('<sent>2025-03-02T10:00:00-00:00</sent>');
    expect(acted).toContain('<certainty>Likely</certainty>');

    const cancelled = warningToCapAlert(inState('closed', 'no-action'), opts);
    expect(cancelled).toMatch(/<msgType>Cancel<\/msgType>/);
    expect(cancelled).toMatch(/<urgency>Past<\/urgency>[\s\S]*<certainty>Unlikely<\/certainty>/);
    expect(warningToCapAlert(inState('closed', 'monitor'), opts)).toMatch(/<msgType>Update<\/msgType>/);
  });

  it('reads urgency from the decision deadline', () => {
    const at = (h: number) => new Date(Date.parse(base.decideDueAt) - h * 3_600_000);
    expect(capUrgency(base, at(80))).toBe('Expected');
    expect(capUrgency(base, at(72))).toBe('Immediate');
    expect(capUrgency(base, at(-5))).toBe('Immediate');
    expect(capUrgency(base, at(15 * 24))).toBe('Future');
  });

  it('lists the recommended measures as the instruction', () => {
    const xml = warningToCapAlert(base, {
      ...opts,
      measureTitles: ['Deploy human-rights monitors', 'Negotiate humanitarian access'],
    });
    expect(xml).toContain(
      '<instruction>Recommended protection measures:\n- Deploy human-rights monitors\n- Negotiate humanitarian access</instruction>',
    );
    expect(warningToCapAlert(base, opts)).not.toContain('<instruction>');
  });

  it('escapes hostile text so it cannot break out of its element, and the alert stays valid', async () => {
    const hostile = `</description><script>alert("x")</script>&amp; ]]> <![CDATA[ x ]]> 'q' \u0000\u0007\uFFFE\uD800 bell\r\nline`;
    const xml = warningToCapAlert(
      { ...base, title: hostile, summary: hostile, admin1: '<admin1 & co>' },
      { ...opts, countryName: 'A&B <C>', measureTitles: [hostile] },
    );
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).not.toContain('<script>');
    const description = /<description>([\s\S]*?)<\/description>/.exec(xml)![1]!;
    expect(unescape(description)).toBe(
      ['\u0000', '\u0007', '\uFFFE', '\uD800'].reduce((t, c) => t.replaceAll(c, '\uFFFD'), hostile),
    );
    expect(xml).toContain('<areaDesc>&lt;admin1 &amp; co&gt;, A&amp;B &lt;C&gt;</areaDesc>');
    expect(escapeXml('a\u001Fb')).toBe('a\uFFFDb');
  });

  it('publishes nothing but the public fields, and refuses a warning not marked public', () => {
    const leaky = { ...base, evidence: [{ kind: 'event', id: 4242 }], decisionReason: 'source Amina said', recipients: ['dm@x'] };
    const xml = capAlertElement(leaky, opts);
    for (const secret of ['4242', 'Amina', 'dm@x']) expect(xml).not.toContain(secret);
    expect(() => warningToCapAlert({ ...base, public: false }, opts)).toThrow(/warning 7 is not public/);
    expect(() => warningToCapAlert(base, { ...opts, sender: 'two words' })).toThrow(/CAP sender/);
  });

  it('shortens a headline past 160 characters', () => {
    const xml = warningToCapAlert({ ...base, title: 'x'.repeat(300) }, opts);
    expect(/<headline>(.*)<\/headline>/.exec(xml)![1]).toHaveLength(160);
  });
});
