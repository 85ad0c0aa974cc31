import { describe, expect, it } from 'vitest';
import { NewerSchemaError } from '../db/migrate';
import { CliError, describeFailure } from './errors';

describe('describeFailure', () => {
  it('prints expected failures as one line, without a stack', () => {
    expect(describeFailure(new CliError('nope', 2), false)).toEqual({ text: 'error: nope', exitCode: 2 });
    expect(describeFailure(new NewerSchemaError(9, 2), false).text).toMatch(/^error: This database was written by a newer version/);
    expect(describeFailure(new Error('connect ECONNREFUSED 127.0.0.1:5432'), false).text).toBe('error: connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('hints at SENIM_DEBUG for the unexpected, and shows the stack with it', () => {
    expect(describeFailure(new Error('boom'), false).text).toMatch(/SENIM_DEBUG=1/);
    expect(describeFailure(new Error('boom'), true).text).toMatch(/\n\s+at /);
  });
});
