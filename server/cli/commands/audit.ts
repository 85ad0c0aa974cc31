import type { Command } from 'commander';
import { formatAnchor, parseAnchor, verifyAuditChain } from '../../audit/verify';
import { withInstance } from '../context';
import { CliError } from '../errors';

export const AUDIT_BROKEN_EXIT = 2;

export async function runAuditVerify(opts: { anchor?: string } = {}): Promise<void> {
  let anchor;
  try {
    anchor = opts.anchor ? parseAnchor(opts.anchor) : undefined;
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  await withInstance(async (deps) => {
    const started = Date.now();
    const result = await verifyAuditChain(deps.systemDb, deps.keyring.auditKey, anchor ? { anchor } : {});
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      console.log(`Audit chain OK: ${result.rows} row(s) checked in ${secs} s.`);
      if (result.head) {
        console.log(`Anchor: ${formatAnchor(result.head)}`);
        console.log('Keep the anchor outside this server; `senim audit verify --anchor <anchor>` later also detects rows removed from the end.');
      }
      return;
    }
    const why =
      result.reason === 'gap'
        ? 'a row is missing'
        : result.reason === 'truncated'
          ? 'rows were removed from the end since the anchor was taken'
          : 'the row was altered, or a row before it was removed';
    throw new CliError(
      `Audit chain BROKEN at seq ${result.brokenAt} (${why}); ${result.rows} row(s) before it verified. ` +
        'Keep this database as evidence and restore the latest good backup elsewhere.',
      AUDIT_BROKEN_EXIT,
    );
  });
}

export function register(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain of the whole audit trail (exit 0 when intact, 2 when broken)')
    .option('--anchor <seq:hash>', 'an anchor printed by an earlier run: also detects rows removed from the end')
    .action(async (opts: { anchor?: string }) => {
      await runAuditVerify(opts);
    });
}
