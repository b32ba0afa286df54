import { parseFilter, parseOrderBy } from './handlers/odata-query';

const items = [
  { name: 'a', properties: { kind: 'AnalyticsRule', source: { kind: 'SourceRepository' }, version: '1.0.0' } },
  { name: 'b', properties: { kind: 'HuntingQuery', source: { kind: 'LocalWorkspace' }, version: '2.0.0' } },
  { name: 'c', properties: { kind: 'AnalyticsRule', source: { kind: 'Solution' }, contentId: "it's" } },
];
const names = (filter: string) => items.filter(parseFilter(filter)).map((i) => i.name);

describe('OData $filter subset', () => {
  test('eq and ne compare strings without case', () => {
    expect(names("properties/kind eq 'analyticsrule'")).toEqual(['a', 'c']);
    expect(names("properties/source/kind ne 'SourceRepository'")).toEqual(['b', 'c']);
  });

  test('and binds tighter than or; not and parentheses work', () => {
    expect(names("properties/kind eq 'HuntingQuery' or properties/kind eq 'AnalyticsRule' and properties/source/kind eq 'Solution'")).toEqual(['b', 'c']);
    expect(names("not (properties/kind eq 'AnalyticsRule')")).toEqual(['b']);
  });

  test("null matches a missing property; quotes are escaped by doubling; functions match substrings", () => {
    expect(names('properties/version eq null')).toEqual(['c']);
    expect(names("properties/contentId eq 'it''s'")).toEqual(['c']);
    expect(names("startswith(properties/version, '2.')")).toEqual(['b']);
    expect(names("contains(name, 'B')")).toEqual(['b']);
  });

  test('what it cannot evaluate is a 400 naming the problem', () => {
    expect(() => parseFilter("properties/version gt '1'")).toThrow(/unsupported operator "gt"/);
    expect(() => parseFilter("properties/kind eq 'x' and")).toThrow(/unexpected end/);
    expect(() => parseFilter('properties/kind eq %')).toThrow(/unexpected character/);
  });
});

describe('OData $orderby', () => {
  test('sorts by several keys, descending where asked, missing values last', () => {
    const sorted = [...items].sort(parseOrderBy('properties/kind desc, properties/version'));
    expect(sorted.map((i) => i.name)).toEqual(['b', 'a', 'c']);
    expect(() => parseOrderBy('name sideways')).toThrow(/Invalid \$orderby/);
  });
});
