// Original file: xr/admin/v1/admin.proto


/**
 * A witness in a policy: either a partner region (region set: it cosigns with its registered keys
 * under <prefix>.witness.<region>), or an outside witness (name and verifier_key set).
 */
export interface PolicyWitness {
  'region'?: (string);
  /**
   * The witness's name in the policy (no spaces).
   */
  'name'?: (string);
  /**
   * C2SP verifier key of type 0x04 (tlog-cosignature v1): <name>+<hex key id>+<base64(0x04 ‖ key)>.
   */
  'verifierKey'?: (string);
  /**
   * Where it serves C2SP tlog-witness, informational (printed in the tlog-policy witness line): no
   * gateway submits to it; a gateway submits to the witnesses of its own `checkpoints.witnesses`.
   */
  'url'?: (string);
}

/**
 * A witness in a policy: either a partner region (region set: it cosigns with its registered keys
 * under <prefix>.witness.<region>), or an outside witness (name and verifier_key set).
 */
export interface PolicyWitness__Output {
  'region': (string);
  /**
   * The witness's name in the policy (no spaces).
   */
  'name': (string);
  /**
   * C2SP verifier key of type 0x04 (tlog-cosignature v1): <name>+<hex key id>+<base64(0x04 ‖ key)>.
   */
  'verifierKey': (string);
  /**
   * Where it serves C2SP tlog-witness, informational (printed in the tlog-policy witness line): no
   * gateway submits to it; a gateway submits to the witnesses of its own `checkpoints.witnesses`.
   */
  'url': (string);
}
