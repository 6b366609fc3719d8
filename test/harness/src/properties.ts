import { HarnessError } from './errors.js';

const PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)\}/g;

/**
 * Substitutes `${NAME}` placeholders in a properties template.
 * Every placeholder must have a value and every value must be used, so a template and its
 * caller cannot drift apart silently.
 */
export function renderProperties(template: string, values: Readonly<Record<string, string>>): string {
  const missing = new Set<string>();
  const used = new Set<string>();
  const rendered = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    used.add(name);
    return value;
  });
  if (missing.size > 0) {
    throw new HarnessError('XR_HARNESS_TEMPLATE', `no value for placeholder(s) ${[...missing].map((n) => '${' + n + '}').join(', ')}`);
  }
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) {
    throw new HarnessError('XR_HARNESS_TEMPLATE', `template has no placeholder for ${unused.join(', ')}`);
  }
  if (rendered.includes('${')) {
    throw new HarnessError('XR_HARNESS_TEMPLATE', 'template has a malformed placeholder (leftover "${")');
  }
  return rendered;
}

/** Reads `key=value` lines (no continuations or escapes: enough for our own templates). */
export function parseProperties(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    result.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return result;
}
