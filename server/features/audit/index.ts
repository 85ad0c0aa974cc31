import type { TApp } from '../../app';

export function registerAudit(_app: TApp): void {}
