import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { PACKAGE_ROOT } from '../core/paths.js';

const XSD = readFileSync(join(PACKAGE_ROOT, 'src', 'cap', 'schema', 'CAP-v1.2.xsd'), 'utf8');

/** Validates documents against the OASIS CAP 1.2 schema with libxml2 (WebAssembly) in one run: the errors, none when all are valid. */
export async function capSchemaErrors(...docs: string[]): Promise<string[]> {
  const r = await validateXML({
    xml: docs.map((contents, i) => ({ fileName: `alert-${i}.xml`, contents })),
    schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }],
  });
  return r.errors.map((e) => e.rawMessage);
}
