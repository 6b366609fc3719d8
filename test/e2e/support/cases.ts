/** The case most e2e tests submit: a 食品经营许可证核发 (food business licence) for a person, handed in at the hall. */
import { randomUUID } from 'node:crypto';
import type { SubmitCaseRequest } from '@xr/proto';

export const APPLICANT = { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' };

/** A fresh SubmitCase request (new request_id) for `handlingRegion`'s food licence item, without materials unless given. */
export function foodLicence(handlingRegion: string, overrides: Partial<SubmitCaseRequest> = {}): SubmitCaseRequest {
  return {
    requestId: randomUUID(),
    itemCode: `${handlingRegion}-SPJY-0001`,
    itemName: '食品经营许可证核发',
    applicant: APPLICANT,
    materials: [],
    handlingRegion,
    intake: { formCheckPassed: true, identityVerified: true },
    ...overrides,
  };
}
