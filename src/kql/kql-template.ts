import Handlebars from 'handlebars';
import type { KqlParameters } from '../model/kql-source';
import { KqlLiteralError, toKqlLiteral } from './kql-literal';
import { lineStarts } from '../load/text-file';

/** One problem in a query template, at a 0-based offset in the template text. */
export interface TemplateProblem {
  readonly code: 'KQL_UNKNOWN_PARAMETER' | 'KQL_UNUSED_PARAMETER' | 'KQL_TEMPLATE_SYNTAX' | 'KQL_TEMPLATE_UNSUPPORTED' | 'KQL_PARAMETER_VALUE';
  readonly severity: 'error' | 'warning';
  readonly offset: number;
  readonly message: string;
}

/** A span of the rendered query that came from [sourceStart, sourceStart + length) of the template. */
interface Segment {
  readonly renderedStart: number;
  readonly sourceStart: number;
  readonly length: number;
  /** Substituted literals map every offset to the placeholder's start. */
  readonly literal: boolean;
}

export interface RenderedTemplate {
  readonly text: string;
  readonly problems: readonly TemplateProblem[];
  /** Maps an offset in `text` back to an offset in the template source. */
  toSourceOffset(renderedOffset: number): number;
}

/**
 * Fills `{{Name}}` placeholders with parameter values rendered as KQL literals, using the real
 * handlebars parser (so escaping `\{{` and its error messages behave as users know them), and keeps
 * an offset map so that Kusto diagnostics on the rendered query point back into the template.
 * Only plain `{{Name}}` is allowed: blocks, helpers and triple-stash would let text in unescaped.
 */
export function renderKqlTemplate(source: string, parameters: KqlParameters = {}): RenderedTemplate {
  if (!source.includes('{{')) {
    const problems = Object.keys(parameters).map((name) => unused(name, 0));
    return { text: source, problems, toSourceOffset: (o) => o };
  }
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    return { text: source, problems: [syntaxProblem(source, error)], toSourceOffset: (o) => o };
  }
  const starts = lineStarts(source);
  const offsetOf = (pos: hbs.AST.Position): number => (starts[pos.line - 1] ?? 0) + pos.column;
  const problems: TemplateProblem[] = [];
  const segments: Segment[] = [];
  const used = new Set<string>();
  let text = '';
  for (const statement of program.body) {
    const start = offsetOf(statement.loc.start);
    if (statement.type === 'ContentStatement') {
      // `original` is the text before whitespace control; its typing in @types is wrong (StripFlags).
      const content = (statement as unknown as { original: string }).original;
      segments.push({ renderedStart: text.length, sourceStart: start, length: content.length, literal: false });
      text += content;
      continue;
    }
    const rendered = renderMustache(statement, start, parameters, used, problems);
    segments.push({ renderedStart: text.length, sourceStart: start, length: rendered.length, literal: true });
    text += rendered;
  }
  for (const name of Object.keys(parameters)) if (!used.has(name)) problems.push(unused(name, 0));
  return { text, problems, toSourceOffset: (offset) => mapOffset(segments, offset) };
}

function renderMustache(
  statement: hbs.AST.Statement,
  start: number,
  parameters: KqlParameters,
  used: Set<string>,
  problems: TemplateProblem[],
): string {
  if (statement.type !== 'MustacheStatement') {
    problems.push({ code: 'KQL_TEMPLATE_UNSUPPORTED', severity: 'error', offset: start, message: `${statement.type} is not supported in KQL templates; only {{Name}} placeholders are` });
    return '';
  }
  const mustache = statement as hbs.AST.MustacheStatement;
  const path = mustache.path as hbs.AST.PathExpression;
  const simple = path.type === 'PathExpression' && path.parts.length === 1 && mustache.params.length === 0 && !mustache.hash && mustache.escaped !== false;
  if (!simple) {
    problems.push({ code: 'KQL_TEMPLATE_UNSUPPORTED', severity: 'error', offset: start, message: 'only plain {{Name}} placeholders are supported in KQL (no helpers, paths, arguments or {{{triple}}} stashes)' });
    return '';
  }
  const name = path.original;
  if (!Object.prototype.hasOwnProperty.call(parameters, name)) {
    const known = Object.keys(parameters);
    problems.push({
      code: 'KQL_UNKNOWN_PARAMETER',
      severity: 'error',
      offset: start,
      message: `unknown placeholder {{${name}}}; ${known.length ? `declared parameters: ${known.join(', ')}` : 'the query declares no parameters'}`,
    });
    return '""';
  }
  used.add(name);
  try {
    return toKqlLiteral(parameters[name]);
  } catch (error) {
    if (!(error instanceof KqlLiteralError)) throw error;
    problems.push({ code: 'KQL_PARAMETER_VALUE', severity: 'error', offset: start, message: `parameter ${name}: ${error.message}` });
    return '""';
  }
}

function unused(name: string, offset: number): TemplateProblem {
  return { code: 'KQL_UNUSED_PARAMETER', severity: 'warning', offset, message: `parameter ${name} is declared but the query has no {{${name}}} placeholder` };
}

function syntaxProblem(source: string, error: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message);
  const offset = line ? lineStarts(source)[Number(line[1]) - 1] ?? 0 : 0;
  return { code: 'KQL_TEMPLATE_SYNTAX', severity: 'error', offset, message: `handlebars: ${message.split('\n')[0]}` };
}

function mapOffset(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].renderedStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo];
  if (!segment) return offset;
  if (segment.literal) return segment.sourceStart;
  return segment.sourceStart + Math.min(offset - segment.renderedStart, segment.length);
}
