/**
 * JSON.parse keeps the last of two members with one name; another parser may keep the first. In a
 * signed record that is two meanings for one signature, so the opener refuses it and names it.
 */

type Frame = { readonly kind: 'object'; readonly names: Set<string>; name: string | undefined; expectName: boolean } | { readonly kind: 'array'; index: number };

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function pointer(frames: readonly Frame[]): string {
  return frames.map((f) => `/${f.kind === 'object' ? escape(f.name ?? '') : String(f.index)}`).join('');
}

/** The JSON Pointer of the first member whose name repeats in its object; `text` must be valid JSON. */
export function duplicateMember(text: string): string | undefined {
  const frames: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    const top = frames[frames.length - 1];
    if (c === '{') frames.push({ kind: 'object', names: new Set(), name: undefined, expectName: true });
    else if (c === '[') frames.push({ kind: 'array', index: 0 });
    else if (c === '}' || c === ']') frames.pop();
    else if (c === ',') {
      if (top?.kind === 'array') top.index += 1;
      else if (top?.kind === 'object') top.expectName = true;
    } else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.expectName) {
        const name = JSON.parse(text.slice(i, end + 1)) as string;
        top.name = name;
        top.expectName = false;
        if (top.names.has(name)) return pointer(frames);
        top.names.add(name);
      }
      i = end;
    }
  }
  return undefined;
}
