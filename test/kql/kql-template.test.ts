import { renderKqlTemplate } from '../../src/kql/kql-template';
import { toKqlLiteral } from '../../src/kql/kql-literal';
import { kqlTimespan } from '../../src/model/kql-source';
import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema } from '../../src/kql/kql-schema';

describe('KQL parameters are rendered as literals', () => {
  it.each([
    ['a string', 'admin', '"admin"'],
    ['quotes and backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['line breaks', 'a\nb', '"a\\nb"'],
    ['an integer', 42, '42'],
    ['a real', 1.5, '1.5'],
    ['a boolean', true, 'true'],
    ['a list', ['a', 1, false], 'dynamic(["a", 1, false])'],
    ['an empty list', [], 'dynamic([])'],
    ['a date', new Date('2026-01-02T03:04:05.000Z'), 'datetime(2026-01-02T03:04:05.000Z)'],
    ['a timespan', kqlTimespan('14d'), '14d'],
  ])('%s', (_what, value, literal) => {
    expect(toKqlLiteral(value as never)).toBe(literal);
  });

  it('an injection attempt stays one string literal that Kusto parses as such', () => {
    const schema = new KqlSchema();
    const rendered = renderKqlTemplate('AzureActivity | where Caller == {{Who}} | project Caller', { Who: '" or 1==1 | union SigninLogs //' });
    expect(rendered.problems).toEqual([]);
    const analysis = analyzeQuery(rendered.text, schema);
    expect(analysis.problems).toEqual([]);
    expect(analysis.tables).toEqual(['AzureActivity']);
    expect(analysis.resultColumns?.map((c) => c.name)).toEqual(['Caller']);
  });

  it('rejects control characters instead of smuggling them into the query', () => {
    const rendered = renderKqlTemplate('print {{X}}', { X: 'a\u0000b' });
    expect(rendered.problems).toEqual([expect.objectContaining({ code: 'KQL_PARAMETER_VALUE', offset: 6 })]);
  });

  it('an unknown placeholder is an error at its offset, naming the declared parameters', () => {
    const rendered = renderKqlTemplate('print a = {{A}}, b = {{B}}', { A: 1 });
    expect(rendered.problems).toEqual([
      { code: 'KQL_UNKNOWN_PARAMETER', severity: 'error', offset: 21, message: 'unknown placeholder {{B}}; declared parameters: A' },
    ]);
  });

  it('a declared but unused parameter is a warning', () => {
    expect(renderKqlTemplate('print 1', { Unused: 1 }).problems).toEqual([expect.objectContaining({ code: 'KQL_UNUSED_PARAMETER', severity: 'warning' })]);
  });

  it('helpers, blocks and triple-stash are refused', () => {
    for (const text of ['print {{{X}}}', 'print {{#if X}}1{{/if}}', 'print {{lookup X 1}}']) {
      expect(renderKqlTemplate(text, { X: 1 }).problems.map((p) => p.code)).toContain('KQL_TEMPLATE_UNSUPPORTED');
    }
  });

  it('maps offsets after a substitution back to the template', () => {
    const template = 'print x = {{Long}}\n| extend y = nope';
    const rendered = renderKqlTemplate(template, { Long: 'a much longer value than the placeholder' });
    const renderedOffset = rendered.text.indexOf('nope');
    expect(rendered.toSourceOffset(renderedOffset)).toBe(template.indexOf('nope'));
    expect(rendered.toSourceOffset(rendered.text.indexOf('much'))).toBe(template.indexOf('{{Long}}'));
  });
});
