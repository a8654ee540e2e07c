/**
 * Just enough XML writing for CAP and Atom: text escaped for element content and attributes, and
 * characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) replaced by
 * U+FFFD, so that hostile text can neither break out of an element nor make the document ill-formed.
 */
const NOT_XML_CHAR = /[^\t\n\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an element or a quoted attribute. */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(NOT_XML_CHAR, (c) => (c === '\r' ? '&#13;' : '\uFFFD'));

/** A child element: its name and either text or further children. Null children are left out. */
export type XmlNode =
  { name: string; text: string } | { name: string; attrs?: Record<string, string>; children: (XmlNode | null)[] };

/** Writes an element tree, two spaces per level; text is escaped, names are trusted (ours). */
export function writeXml(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  if ('text' in node) return `${pad}<${node.name}>${escapeXml(node.text)}</${node.name}>`;
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const kids = node.children.filter((c): c is XmlNode => c !== null);
  if (kids.length === 0) return `${pad}<${node.name}${attrs}/>`;
  return `${pad}<${node.name}${attrs}>\n${kids.map((k) => writeXml(k, depth + 1)).join('\n')}\n${pad}</${node.name}>`;
}

/** Shorthands for building trees. */
export const text = (name: string, value: string): XmlNode => ({ name, text: value });
export const el = (name: string, children: (XmlNode | null)[], attrs?: Record<string, string>): XmlNode =>
  attrs ? { name, attrs, children } : { name, children };

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
