import type { TApp } from '../../app';

export function registerUsers(_app: TApp): void {}
