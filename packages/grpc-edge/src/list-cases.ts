/**
 * ListCases: filter the projection, order by submission (the case.submitted event's `time`, then
 * the case id), page by the last position seen. A token is a position, not an index, so a page
 * continues where the last one ended even when cases arrive in between: those come later in time
 * and so at the end.
 */
import { fail, type CaseDeadlines, type CaseState, type Result } from '@xr/domain';
import type { ListCasesRequest__Output } from '@xr/proto';

export interface CasePage {
  readonly cases: readonly CaseState[];
  readonly nextPageToken: string;
  readonly total: number;
}

const MAX_PAGE = 1000;

/** A case's place in the order: milliseconds of its submission event, then its id. */
interface Position {
  readonly ms: number;
  readonly caseId: string;
}

/** RFC 3339 allows a lower-case `t` and `z`; Date.parse does not. A time it cannot read sorts last. */
function millis(time: string): number {
  const ms = Date.parse(time.toUpperCase());
  return Number.isNaN(ms) ? Number.MAX_SAFE_INTEGER : ms;
}

const positionOf = (c: CaseState): Position => ({ ms: millis(c.openedAt), caseId: c.caseId });

function compare(a: Position, b: Position): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

/** Opaque to callers: base64url of `<ms>.<case id>`. */
function tokenOf(p: Position): string {
  return Buffer.from(`${p.ms}.${p.caseId}`).toString('base64url');
}

function positionFrom(token: string): Position | undefined {
  const m = /^(-?\d{1,16})\.([0-9a-f-]{36})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m || tokenOf({ ms: Number(m[1]), caseId: m[2]! }) !== token) return undefined;
  return { ms: Number(m[1]), caseId: m[2]! };
}

export function listCases(all: Iterable<CaseState>, region: string, req: ListCasesRequest__Output, deadlines: (c: CaseState) => CaseDeadlines | undefined): Result<CasePage> {
  if (req.pageSize < 0 || req.pageSize > MAX_PAGE) return fail('XR_BAD_REQUEST', `page_size must be 0..${MAX_PAGE}`, 'page_size');
  if (req.side !== '' && req.side !== 'receiving' && req.side !== 'handling') return fail('XR_BAD_REQUEST', 'side must be receiving, handling or empty', 'side');
  const after = req.pageToken === '' ? undefined : positionFrom(req.pageToken);
  if (req.pageToken !== '' && after === undefined) return fail('XR_BAD_REQUEST', 'page_token is not one this server gave', 'page_token');
  const statuses = new Set(req.statuses);
  const matching = [...all]
    .filter((c) => statuses.size === 0 || statuses.has(c.status))
    .filter((c) => !req.overdue || deadlines(c)?.overdue === true)
    .filter((c) => !req.atRisk || deadlines(c)?.atRisk === true || deadlines(c)?.overdue === true)
    .filter((c) => req.side === '' || (req.side === 'receiving' ? c.receivingRegion === region : c.handlingRegion === region))
    .map((c) => ({ c, at: positionOf(c) }))
    .sort((a, b) => compare(a.at, b.at));
  const size = req.pageSize === 0 ? 100 : req.pageSize;
  const start = after === undefined ? 0 : matching.findIndex((m) => compare(m.at, after) > 0);
  const page = start < 0 ? [] : matching.slice(start, start + size);
  const last = page.at(-1);
  const more = start >= 0 && start + size < matching.length;
  return { ok: true, value: { cases: page.map((m) => m.c), total: matching.length, nextPageToken: more && last ? tokenOf(last.at) : '' } };
}
