import { describe, expect, it } from 'vitest';
import { defineContractOnDemand } from '../../../shared/src/rpc';
import * as z from '../../../shared/src/zod';

describe('a contract built on demand', () => {
  it('builds an endpoint only when it is first looked up, then reuses it', () => {
    const built: string[] = [];
    const contract = defineContractOnDemand({
      greet: () => (built.push('greet'), { input: z.object({ name: z.string() }), output: z.string() }),
      count: () => (built.push('count'), { input: z.object({}), output: z.number() }),
    });
    expect(Object.keys(contract)).toEqual(['greet', 'count']);
    expect(built).toEqual([]);
    const first = contract.greet;
    expect(first.input.safeParse({ name: 'Ana' }).success).toBe(true);
    expect(contract.greet).toBe(first);
    expect(built).toEqual(['greet']);
  });
});
