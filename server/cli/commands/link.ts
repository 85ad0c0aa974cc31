// STUB (session 2 scaffolding): replaced by the feature's owner.
import type { Command } from 'commander';

/** `senim link export` and `senim link match`: privacy-preserving linkage between organisations. */
export function register(_program: Command): void {}
