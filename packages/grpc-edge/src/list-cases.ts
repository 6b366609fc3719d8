/** ListCases: filter the projection, order by case id (UUIDv7, so by creation), page by the last id seen. */
import { fail, type CaseDeadlines, type CaseState, type Result } from '@xr/domain';
import type { ListCasesRequest__Output } from '@xr/proto';

export interface CasePage {
  readonly cases: readonly CaseState[];
  readonly nextPageToken: string;
  readonly total: number;
}

const MAX_PAGE = 1000;

export function listCases(all: Iterable<CaseState>, region: string, req: ListCasesRequest__Output, deadlines: (c: CaseState) => CaseDeadlines | undefined): Result<CasePage> {
  if (req.pageSize < 0 || req.pageSize > MAX_PAGE) return fail('XR_BAD_REQUEST', `page_size must be 0..${MAX_PAGE}`, 'page_size');
  if (req.side !== '' && req.side !== 'receiving' && req.side !== 'handling') return fail('XR_BAD_REQUEST', 'side must be receiving, handling or empty', 'side');
  let after = '';
  if (req.pageToken !== '') {
    after = Buffer.from(req.pageToken, 'base64url').toString('utf8');
    if (!/^[0-9a-f-]{36}$/.test(after)) return fail('XR_BAD_REQUEST', 'page_token is not one this server gave', 'page_token');
  }
  const statuses = new Set(req.statuses);
  const matching = [...all]
    .filter((c) => statuses.size === 0 || statuses.has(c.status))
    .filter((c) => !req.overdue || deadlines(c)?.overdue === true)
    .filter((c) => !req.atRisk || deadlines(c)?.atRisk === true || deadlines(c)?.overdue === true)
    .filter((c) => req.side === '' || (req.side === 'receiving' ? c.receivingRegion === region : c.handlingRegion === region))
    .sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const size = req.pageSize === 0 ? 100 : req.pageSize;
  const start = after === '' ? 0 : matching.findIndex((c) => c.caseId > after);
  const page = start < 0 ? [] : matching.slice(start, start + size);
  const last = page.at(-1);
  const more = start >= 0 && start + size < matching.length;
  return { ok: true, value: { cases: page, total: matching.length, nextPageToken: more && last ? Buffer.from(last.caseId).toString('base64url') : '' } };
}
