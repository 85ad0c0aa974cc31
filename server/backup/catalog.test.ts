import { describe, expect, it } from 'vitest';
import { dependencyOrder, quoteIdent } from './catalog';

describe('dependencyOrder', () => {
  it('puts referenced tables first, ignores self references, and survives cycles', () => {
    const edges = [
      { child: 'users', parent: 'organisations' },
      { child: 'sessions', parent: 'users' },
      { child: 'recovery_codes', parent: 'users' },
      { child: 'cases', parent: 'cases' },
      { child: 'cases', parent: 'users' },
    ];
    const order = dependencyOrder(['sessions', 'users', 'audit_log', 'cases', 'recovery_codes', 'organisations'], edges);
    expect(order.indexOf('organisations')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('cases'));
    expect(dependencyOrder(['a', 'b'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'a' }]).sort()).toEqual(['a', 'b']);
  });

  it('quotes identifiers', () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
  });
});
