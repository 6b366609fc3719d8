// Original file: xr/admin/v1/admin.proto

import type { PolicyWitness as _xr_admin_v1_PolicyWitness, PolicyWitness__Output as _xr_admin_v1_PolicyWitness__Output } from '../../../xr/admin/v1/PolicyWitness.js';

export interface WitnessPolicy {
  'region'?: (string);
  'quorum'?: (number);
  'witnesses'?: (_xr_admin_v1_PolicyWitness)[];
  /**
   * True when no witness.policy.set record set it.
   */
  'isDefault'?: (boolean);
  /**
   * The record that set it, and when.
   */
  'recordId'?: (string);
  'setAt'?: (string);
  /**
   * The policy as a C2SP tlog-policy file (log keys, witness keys, group, quorum).
   */
  'tlogPolicy'?: (string);
}

export interface WitnessPolicy__Output {
  'region': (string);
  'quorum': (number);
  'witnesses': (_xr_admin_v1_PolicyWitness__Output)[];
  /**
   * True when no witness.policy.set record set it.
   */
  'isDefault': (boolean);
  /**
   * The record that set it, and when.
   */
  'recordId': (string);
  'setAt': (string);
  /**
   * The policy as a C2SP tlog-policy file (log keys, witness keys, group, quorum).
   */
  'tlogPolicy': (string);
}
