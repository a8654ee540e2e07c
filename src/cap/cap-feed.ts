import { CAP_MEDIA_TYPE } from './cap-alert.js';
import { XML_DECLARATION, escapeXml } from './xml.js';

/** One public warning in the feed: its CAP `<alert>` element and where to fetch it alone. */
export interface FeedEntry {
  warningId: number;
  headline: string;
  /** When the warning last changed (its CAP `sent`), ISO 8601. */
  updated: string;
  alertUrl: string;
  alertElement: string;
}

/**
 * An Atom 1.0 feed (RFC 4287) of CAP alerts, as CAP aggregators read them: one entry per public
 * warning, its alert inline as the entry's `application/cap+xml` content and linked for fetching alone.
 */
export function capAtomFeed(entries: readonly FeedEntry[], o: { feedUrl: string; now: Date; title?: string }): string {
  const updated = entries.reduce((t, e) => (Date.parse(e.updated) > Date.parse(t) ? e.updated : t), o.now.toISOString());
  const lines = [
    XML_DECLARATION,
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(o.feedUrl)}</id>`,
    `  <title>${escapeXml(o.title ?? 'Tocsin: public warnings of atrocity risk (CAP 1.2)')}</title>`,
    `  <updated>${new Date(updated).toISOString()}</updated>`,
    '  <author><name>Tocsin early warning</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(o.feedUrl)}"/>`,
  ];
  for (const e of entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(e.alertUrl)}</id>`,
      `    <title>${escapeXml(e.headline)}</title>`,
      `    <updated>${new Date(e.updated).toISOString()}</updated>`,
      `    <link rel="alternate" type="${CAP_MEDIA_TYPE}" href="${escapeXml(e.alertUrl)}"/>`,
      `    <content type="${CAP_MEDIA_TYPE}">`,
      // Not re-indented: that would change the text of multi-line elements such as the instruction.
      e.alertElement,
      '    </content>',
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
