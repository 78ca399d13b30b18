import { Limits } from '@palma/shared';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryLimitRules } from './limits.js';

// A recursive type, so that any depth can be asked for (Palma's own schema has no cycle this deep).
const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { root: Node }
`);

const nested = (levels: number, wrap: (inner: string) => string = (inner) => `child { ${inner} }`) => {
  let selection = 'id';
  for (let i = 0; i < levels - 2; i++) selection = wrap(selection);
  return `{ root { ${selection} } }`;
};
const codes = (query: string) =>
  validate(schema, parse(query), queryLimitRules()).map((e) => e.extensions.code);

describe('query depth', () => {
  it(`allows ${Limits.graphqlMaxDepth} levels of fields and refuses one more`, () => {
    expect(codes(nested(Limits.graphqlMaxDepth))).toEqual([]);
    expect(codes(nested(Limits.graphqlMaxDepth + 1))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('counts fields only: fragments, named or inline, add no level', () => {
    const viaInline = nested(Limits.graphqlMaxDepth, (inner) => `... on Node { child { ${inner} } }`);
    expect(codes(viaInline)).toEqual([]);
    const named = `
      query { root { ...A } }
      fragment A on Node { child { ...B } }
      fragment B on Node { child { ...C } }
      fragment C on Node { child { child { child { child { child { child { child { id } } } } } } } }
    `;
    // root, then nine child levels, then id: eleven fields deep (the spreads add nothing).
    expect(codes(named)).toEqual(['QUERY_TOO_DEEP']);
    const shallower = named.replace('child { child { id } }', 'child { id }');
    expect(codes(shallower)).toEqual([]);
  });
});
