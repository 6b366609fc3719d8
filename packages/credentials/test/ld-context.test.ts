/**
 * The JSON-LD context of our credential (schemas/credential/electronic-licence.v1.context.jsonld,
 * served at LICENCE_CONTEXT): every member name and type name an issued credential or its JSON
 * Schema can hold is defined by the W3C VC 2.0 context or by ours, and a JSON-LD processor (jsonld,
 * in safe mode, offline) expands an issued credential without dropping anything.
 *
 * The VC 2.0 context is the official W3C document as shipped by @digitalbazaar/credentials-context
 * (a devDependency; its context files are the vc-data-model's, under the W3C Software and Document
 * License).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { electronicLicenceContextDocument, electronicLicenceSchemaDocument } from '@xr/schemas';
import { LICENCE_CONTEXT, LICENCE_TYPE, VC_V2_CONTEXT, issueLicence, type LicenceCredential } from '../src/index.js';
import { KEYS, licence } from './fixtures.js';

const require = createRequire(import.meta.url);
const { contexts } = require('@digitalbazaar/credentials-context') as { contexts: ReadonlyMap<string, unknown> };

interface RemoteDocument {
  readonly contextUrl: null;
  readonly documentUrl: string;
  readonly document: unknown;
}
interface JsonLd {
  expand(input: unknown, options: { documentLoader: (url: string) => Promise<RemoteDocument>; safe: boolean }): Promise<unknown[]>;
}
const jsonld = require('jsonld') as JsonLd;

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const OURS = electronicLicenceContextDocument() as { readonly '@context': Record<string, Json> };
const SCHEMA = electronicLicenceSchemaDocument() as Json;
const V2 = contexts.get(VC_V2_CONTEXT) as Json;
const VOCAB = `${LICENCE_CONTEXT}#`;
const XSD = 'http://www.w3.org/2001/XMLSchema#';

const isList = (v: Json): v is readonly Json[] => Array.isArray(v);
const isObject = (v: Json | undefined): v is { readonly [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every term a context document defines, its type-scoped and property-scoped contexts included. */
function definedTerms(doc: Json, into = new Set<string>()): Set<string> {
  if (isList(doc)) for (const d of doc) definedTerms(d, into);
  else if (isObject(doc)) {
    const ctx = doc['@context'];
    if (isObject(ctx)) {
      for (const [term, definition] of Object.entries(ctx)) {
        if (term.startsWith('@')) continue;
        into.add(term);
        definedTerms(definition, into);
      }
    }
  }
  return into;
}

/** Member names (not `@context`) and `type` values in a credential, at any depth. */
function usedInCredential(value: Json, into = new Set<string>()): Set<string> {
  if (isList(value)) for (const v of value) usedInCredential(v, into);
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '@context') continue;
      into.add(key);
      if (key === 'type') for (const t of [v].flat()) if (typeof t === 'string') into.add(t);
      usedInCredential(v, into);
    }
  }
  return into;
}

/** Property names the schema allows, at any depth, and the type names its `type` members fix (`const`). */
function usedInSchema(schema: Json, into = new Set<string>()): Set<string> {
  if (isList(schema)) for (const s of schema) usedInSchema(s, into);
  else if (isObject(schema)) {
    for (const [key, v] of Object.entries(schema)) {
      if (key === 'properties' && isObject(v)) {
        for (const [name, sub] of Object.entries(v)) {
          if (name === '@context') continue;
          into.add(name);
          if (name === 'type') for (const c of consts(sub)) into.add(c);
        }
      }
      usedInSchema(v, into);
    }
  }
  return into;
}

function consts(schema: Json): string[] {
  if (isList(schema)) return schema.flatMap(consts);
  if (!isObject(schema)) return [];
  return Object.entries(schema).flatMap(([k, v]) => (k === 'const' && typeof v === 'string' ? [v] : consts(v)));
}

const v2Terms = definedTerms(V2);
const ourTerms = definedTerms(OURS);
const undefinedIn = (used: Set<string>): string[] => [...used].filter((t) => !v2Terms.has(t) && !ourTerms.has(t)).sort();

function issued(): LicenceCredential {
  const result = issueLicence(licence(), KEYS.k2.signer);
  if (!result.ok) throw new Error(result.message);
  return result.value.credential;
}

describe('the electronic-licence JSON-LD context', () => {
  it('is a protected JSON-LD 1.1 context whose terms are IRIs under its own URL, issueDate an xsd:date', () => {
    const ctx = OURS['@context'];
    expect(ctx['@version']).toBe(1.1);
    expect(ctx['@protected']).toBe(true);
    for (const term of ourTerms) {
      const definition = ctx[term];
      const iri = isObject(definition) ? definition['@id'] : definition;
      expect(iri, term).toBe(`${VOCAB}${term}`);
    }
    expect(ctx['issueDate']).toEqual({ '@id': `${VOCAB}issueDate`, '@type': `${XSD}date` });
  });

  it('redefines no term of the VC 2.0 context (both are protected)', () => {
    expect(v2Terms.size).toBeGreaterThan(50);
    expect([...ourTerms].filter((t) => v2Terms.has(t))).toEqual([]);
  });

  it('defines every member and type name of an issued credential that the VC 2.0 context does not', () => {
    const credential = issued();
    expect(credential['@context']).toEqual([VC_V2_CONTEXT, LICENCE_CONTEXT]);
    const used = usedInCredential(credential as unknown as Json);
    expect(used).toContain(LICENCE_TYPE);
    expect(used).toContain('itemName');
    expect(undefinedIn(used)).toEqual([]);
  });

  it('defines every property and type name the JSON Schema allows, and nothing the schema does not use', () => {
    const used = usedInSchema(SCHEMA);
    expect(used).toContain('holderCodeType');
    expect(used).toContain('BitstringStatusListEntry');
    expect(undefinedIn(used)).toEqual([]);
    expect([...ourTerms].filter((t) => !used.has(t)).sort()).toEqual([]);
  });

  it('names a member neither context defines', () => {
    const credential = issued();
    const extended = { ...credential, credentialSubject: { ...credential.credentialSubject, placeOfIssue: '青岛' } };
    expect(undefinedIn(usedInCredential(extended as unknown as Json))).toEqual(['placeOfIssue']);
  });
});

describe('JSON-LD expansion (jsonld, safe mode, offline)', () => {
  const documents = new Map<string, unknown>([
    [VC_V2_CONTEXT, V2],
    [LICENCE_CONTEXT, OURS],
  ]);
  const documentLoader = (url: string): Promise<RemoteDocument> => {
    const document = documents.get(url);
    return document === undefined ? Promise.reject(new Error(`no offline document for ${url}`)) : Promise.resolve({ contextUrl: null, documentUrl: url, document });
  };
  const expand = (doc: unknown): Promise<unknown[]> => jsonld.expand(doc, { documentLoader, safe: true });

  it('expands an issued credential keeping every member, each subject member under our IRI with its value', async () => {
    const credential = issued();
    const [node] = (await expand(credential)) as [Record<string, unknown>];
    expect(node['@id']).toBe(credential.id);
    expect(node['@type']).toEqual(['https://www.w3.org/2018/credentials#VerifiableCredential', `${VOCAB}${LICENCE_TYPE}`]);
    const members = Object.keys(credential).filter((k) => k !== '@context' && k !== 'id' && k !== 'type');
    expect(Object.keys(node).filter((k) => !k.startsWith('@'))).toHaveLength(members.length);
    const [subject] = node['https://www.w3.org/2018/credentials#credentialSubject'] as [Record<string, unknown>];
    const expected = Object.fromEntries(
      Object.entries(credential.credentialSubject as unknown as Record<string, string>).map(([k, v]) => [`${VOCAB}${k}`, [k === 'issueDate' ? { '@value': v, '@type': `${XSD}date` } : { '@value': v }]]),
    );
    expect(subject).toEqual(expected);
    const statuses = node['https://www.w3.org/2018/credentials#credentialStatus'] as Record<string, unknown>[];
    expect(statuses).toHaveLength(2);
    for (const s of statuses) expect(Object.keys(s).sort()).toHaveLength(5);
  });

  it('refuses a credential with a member neither context defines', async () => {
    const credential = issued();
    await expect(expand({ ...credential, credentialSubject: { ...credential.credentialSubject, placeOfIssue: '青岛' } })).rejects.toMatchObject({
      name: 'jsonld.ValidationError',
      details: { event: { code: 'invalid property', details: { property: 'placeOfIssue' } } },
    });
  });
});
