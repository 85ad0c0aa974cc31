import type { TApp } from '../../app';

export function registerHome(_app: TApp): void {}
