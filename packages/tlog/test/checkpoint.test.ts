import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519Signer, ed25519Verifier, formatCheckpoint, leafHash, openCheckpoint, parseCheckpoint, signNote } from '@xr/tlog';

// github.com/golang/mod sumdb/tlog/note_test.go TestFormatTree/TestParseTree: a tree whose root is
// RecordHash("hello world"), the RFC 6962 leaf hash.
const GO_TREE = 'go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n';
// github.com/C2SP/C2SP tlog-cosignature.md example checkpoint body.
const SOFA = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

describe('tlog-checkpoint', () => {
  it('formats and parses the golang/mod tree', () => {
    const root = leafHash(Buffer.from('hello world'));
    expect(formatCheckpoint({ origin: 'go.sum database tree', size: 123456789012, rootHash: root, extensions: [] })).toEqual({ ok: true, value: GO_TREE });
    const parsed = parseCheckpoint(GO_TREE);
    expect(parsed.ok && [parsed.value.origin, parsed.value.size, Buffer.from(parsed.value.rootHash)]).toEqual(['go.sum database tree', 123456789012, Buffer.from(root)]);
  });

  it('parses the C2SP example and keeps extension lines', () => {
    const parsed = parseCheckpoint(SOFA);
    expect(parsed.ok && parsed.value.size).toBe(20852163);
    const ext = parseCheckpoint(`${SOFA}ext one\next two\n`);
    expect(ext.ok && ext.value.extensions).toEqual(['ext one', 'ext two']);
    expect(ext.ok && formatCheckpoint(ext.value)).toEqual({ ok: true, value: `${SOFA}ext one\next two\n` });
  });

  it.each([
    ['another origin prefix is still a checkpoint', `not-${GO_TREE}`, true],
    ['hex size', 'go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n', false],
    ['root hash too long', 'go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n', false],
    ['leading zero', 'o\n012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n', false],
    ['empty tree', 'o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n', true],
    ['negative size', 'o\n-1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n', false],
    ['size past 2^53', 'o\n9007199254740992\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n', false],
    ['no final newline', GO_TREE.slice(0, -1), false],
    ['trailing junk without newline (golang/mod ignores it; the C2SP text ends in newline)', `${GO_TREE}JOE`, false],
    ['empty extension line', `${GO_TREE}\n`, false],
    ['empty origin', '\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n', false],
    ['two lines', 'o\n1\n', false],
  ])('%s', (_, body, good) => {
    const parsed = parseCheckpoint(body);
    expect(parsed.ok).toBe(good);
    if (!parsed.ok) expect(parsed.code).toBe('XR_CHECKPOINT_MALFORMED');
  });

  it('opens a signed checkpoint for its origin', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const note = signNote(SOFA, [ed25519Signer('example.com/behind-the-sofa', privateKey)]);
    if (!note.ok) throw new Error(note.message);
    const verifier = ed25519Verifier('example.com/behind-the-sofa', publicKey);
    const opened = openCheckpoint(note.value, { log: [verifier], origin: 'example.com/behind-the-sofa' });
    expect(opened.ok && opened.value.checkpoint.size).toBe(20852163);
    expect(openCheckpoint(note.value, { log: [verifier], origin: 'example.com/other' })).toMatchObject({ ok: false, code: 'XR_CHECKPOINT_MALFORMED', field: 'origin' });
    const notCheckpoint = signNote('hello\n', [ed25519Signer('example.com/behind-the-sofa', privateKey)]);
    expect(notCheckpoint.ok && openCheckpoint(notCheckpoint.value, { log: [verifier] })).toMatchObject({ ok: false, code: 'XR_CHECKPOINT_MALFORMED' });
  });
});
