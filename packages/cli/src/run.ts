/**
 * `xr`: the command line of the exchange. Returns the exit code: 0 done; 2 the command line or a
 * file it names is wrong (nothing was sent); 1 the service refused the change or could not be reached.
 */
import { commandWords, GLOBAL_OPTIONS } from './args.js';
import { admin, ADMIN_COMMANDS, type AdminCommand } from './commands/admin.js';
import { audit, AUDIT_COMMANDS, type AuditCommand } from './commands/audit.js';
import { CASE_COMMANDS, caseCommand, type CaseCommand } from './commands/case.js';
import { CERT_COMMANDS, type CertCommand } from './commands/cert-commands.js';
import { init } from './commands/init.js';
import { keysNew } from './commands/keys.js';
import { keysIssuer, keysToken } from './commands/token.js';
import type { CliIo } from './io.js';
import { CliFailure, usage, type CliProblem } from './problem.js';

export const HELP = `xr — case, admin, audit, certificate and key tools of the cross-region exchange

usage:
  xr case submit      --file request.json [--request-id ID]   (a SubmitCase request; request_id made when absent)
  xr case get         <case id>
  xr case list        [--status S]… [--page-size N] [--page-token T]
  xr case watch       <case id>                             (one line per change, until Ctrl-C)
  xr case call        <Rpc> --file request.json             (any unary CaseService RPC: AcceptCase, ApproveCase, …)
                      case commands ask --gateway host:port (XR_GATEWAY_URL) with --token (XR_TOKEN)
  xr admin register    --file city.json
  xr admin rotate-key  --region R --key-file new.pub.jwk.json --overlap-until <time>
  xr admin revoke-key  --region R --kid K --effective-at <time|now>
  xr admin suspend     --region R --reason "…"
  xr admin resume      --region R
  xr admin recognise   --region X --issuer Y --types a,b
  xr admin list
  xr admin quarantine  --region R [--limit N]
  xr admin calendar set  --year Y --file notice.json   (the State Council's holiday notice for Y)
  xr admin calendar list [--until Y]
  xr admin witness-policy set --region R --quorum K --witness 370200 --witness '<name>+<key id>+<key>@https://…'
  xr admin witness-policy show R   (the policy in C2SP tlog-policy syntax)
  xr audit verify      [--region R]… [--threads N] [--json]   (exit 1 on any anomaly; N scan threads, 0 = none)
  xr audit case        <case id> [--at <time>]
  xr audit prove       <event id> [--region R] [--out file]   (C2SP tlog-proof)
  xr audit consistency <origin> <old size> <new size> [--out file]
  xr audit check       <proof file> --keys <jwks file | verifier key> [--quorum N]   (offline)
  xr audit export      --to DIR
  xr audit policy      <region>                              (C2SP tlog-policy)
  xr cert show        <file> [--reveal]                    (decoded, with the 证照标识 check; exit 1 if unreadable)
  xr cert verify      <file> --gateway host:port           (the gateway's verdict; exit 1 when refused)
  xr cert verify      <file> --offline --registry <export dir | registry .jsonl> --anchors <admin jwks>
                      --status-list <file>… [--region <verifying region>] [--at <time>]   (no network)
  xr cert status-list --gateway host:port --purpose revocation|suspension [--list N] [--issuer-uscc U] [--out file]
  xr cert get         <case id> --gateway host:port [--out file]   (the compact JWS)
  xr cert revoke|suspend|reinstate <证照标识> --reason <code> --gateway host:port   (the issuing region only)
  xr init              --region R [--out dir] [--brokers host:port,…]   (a working gateway config, keys, a catalog template)
  xr keys new          --region R [--generation N] [--out dir]
  xr keys new          --admin NAME [--generation N] [--out dir]
  xr keys issuer       --name NAME [--out dir]                 (a development token issuer)
  xr keys token        --issuer-key F --role R --region X [--sub S] [--ttl SECONDS]

global options:
  --admin-url host:port   admin service (env XR_ADMIN_URL)
  --gateway host:port     a gateway, for xr case and xr cert (env XR_GATEWAY_URL)
  --token T               bearer token, sent as "authorization: Bearer T" (env XR_TOKEN)
  --json                  machine-readable output (errors as JSON on stderr)
  --request-id ID         (changes) retrying with the same id makes no second change
  audit sources: --from <export dir> | --log-dir <embedded log dir> | --brokers host:port (env KAFKA_BROKERS);
                 --prefix P (env XR_TOPIC_PREFIX, default xr); --anchors <admin jwks file> (all but check, export)
  -h, --help

times are RFC 3339 with an offset, e.g. 2025-06-01T00:00:00+08:00
exit: 0 done (audit verify: clean; cert verify: valid) · 1 refused, unreachable, an anomaly found, or a certificate refused · 2 bad arguments or files (nothing sent)
`;

function report(problem: CliProblem, io: CliIo, json: boolean): number {
  if (json) io.stderr(`${JSON.stringify({ error: { code: problem.code, message: problem.message, ...(problem.field ? { field: problem.field } : {}) } })}\n`);
  else io.stderr(`xr: ${problem.code}: ${problem.message}${problem.field ? ` (field ${problem.field})` : ''}\n`);
  return problem.usage ? 2 : 1;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const { words, rest } = commandWords(argv, 2);
  const help = rest.includes('--help') || rest.includes('-h');
  try {
    const [group, command] = words;
    if (group === undefined || (help && command === undefined)) {
      io.stdout(HELP);
      return group === undefined && !help ? 2 : 0;
    }
    if (help) {
      io.stdout(HELP);
      return 0;
    }
    if (group === 'init') {
      if (command !== undefined) throw usage(`xr init takes options only, not ${JSON.stringify(command)}`, 'command');
      await init(rest, io);
      return 0;
    }
    if (group === 'admin') {
      if (command === undefined || !(command in ADMIN_COMMANDS)) throw usage(`unknown admin command ${JSON.stringify(command ?? '')}; one of ${Object.keys(ADMIN_COMMANDS).join(', ')}`, 'command');
      await admin(command as AdminCommand, rest, io);
      return 0;
    }
    if (group === 'audit') {
      if (command === undefined || !(AUDIT_COMMANDS as readonly string[]).includes(command)) throw usage(`unknown audit command ${JSON.stringify(command ?? '')}; one of ${AUDIT_COMMANDS.join(', ')}`, 'command');
      return await audit(command as AuditCommand, rest, io);
    }
    if (group === 'case') {
      if (command === undefined || !(CASE_COMMANDS as readonly string[]).includes(command)) throw usage(`unknown case command ${JSON.stringify(command ?? '')}; one of ${CASE_COMMANDS.join(', ')}`, 'command');
      return await caseCommand(command as CaseCommand, rest, io);
    }
    if (group === 'cert') {
      if (command === undefined || !(CERT_COMMANDS as readonly string[]).includes(command)) throw usage(`unknown cert command ${JSON.stringify(command ?? '')}; one of ${CERT_COMMANDS.join(', ')}`, 'command');
      // Loaded on use: the credential schemas are not compiled for every other command.
      const { cert } = await import('./commands/cert.js');
      return await cert(command as CertCommand, rest, io);
    }
    if (group === 'keys') {
      const keys: Record<string, (args: readonly string[], io: CliIo) => Promise<void>> = { new: keysNew, issuer: keysIssuer, token: keysToken };
      const run = command === undefined ? undefined : keys[command];
      if (!run) throw usage(`unknown keys command ${JSON.stringify(command ?? '')}; one of ${Object.keys(keys).join(', ')}`, 'command');
      await run(rest, io);
      return 0;
    }
    throw usage(`unknown command ${JSON.stringify(group)}; one of init, case, admin, audit, cert, keys (xr --help)`, 'command');
  } catch (error) {
    if (error instanceof CliFailure) return report(error.problem, io, json);
    return report({ code: 'XR_INTERNAL', message: error instanceof Error ? error.message : String(error) }, io, json);
  }
}

export { GLOBAL_OPTIONS };
