// STUB (session 2 scaffolding): replaced by the feature's owner.
import type { Command } from 'commander';

/** `senim import htcds <file>` and `senim export htcds --out <file>`. */
export function register(_program: Command): void {}
