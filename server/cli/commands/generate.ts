// STUB (session 2 scaffolding): replaced by the feature's owner.
import type { Command } from 'commander';

/** `senim generate cases`: seeded realistic data for benchmarks. */
export function register(_program: Command): void {}
