import { ATTACK_TECHNIQUES, ATTACK_VERSION } from '../catalog/generated/attack-techniques';
import type { Tactic } from '../model/enums';
import { ENTERPRISE_TACTIC_ORDER, tacticLabel, tacticRank, techniqueName } from './attack-labels';
import type { AttackCoverage, CoverageDefinition } from './attack-coverage';
import { COVERAGE_COLORS } from './navigator-layer';
import { escapeXml, textBlock, wrapText } from './svg-text';

const PAD = 24;
const ROW_HEAD = 250;
const COLUMN = 250;
const LINE = 15;
const FONT = 'font-family="Segoe UI, Helvetica, Arial, sans-serif"';
/** Hatched, so it cannot be mistaken for an uncovered square or a row heading. */
const NOT_IN_TACTIC = 'url(#not-in-tactic)';
const HATCH = '<defs><pattern id="not-in-tactic" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f7f7f7"/><line x1="0" y1="0" x2="0" y2="8" stroke="#dddddd" stroke-width="3"/></pattern></defs>';
const GRID = '#9e9e9e';
const MARK = { AnalyticsRule: '\u25CF', HuntingQuery: '\u25CB' } as const;

interface Row {
  readonly label: string[];
  readonly cells: readonly ({ lines: string[]; fill: string; dark: boolean; tooltip: string } | undefined)[];
}

/**
 * The coverage picture: tactics as columns (the Enterprise matrix order), covered techniques as
 * rows, and in each square the rules (filled dot) and hunting queries (hollow dot) behind it,
 * shaded by how many there are. Squares of a technique that does not belong to a tactic are grey.
 * Only tactics with coverage get a column; the others are named under the grid, so gaps stay visible.
 */
export function coverageSvg(coverage: AttackCoverage, definitions: readonly CoverageDefinition[]): string {
  const tactics = [...new Set<Tactic>([...coverage.cells.map((c) => c.tactic), ...coverage.tacticOnly.keys()])].sort((a, b) => tacticRank(a) - tacticRank(b));
  const techniques = [...new Set(coverage.cells.map((c) => c.technique))].sort();
  const rows: Row[] = techniques.map((technique) => ({
    label: [technique, ...wrapText(techniqueName(technique) ?? '', ROW_HEAD - 20)],
    cells: tactics.map((tactic) => {
      const cell = coverage.cells.find((c) => c.technique === technique && c.tactic === tactic);
      if (cell) return square(cell.definitions);
      const applies = ATTACK_TECHNIQUES[technique]?.tactics.includes(tactic);
      return applies ? { lines: ['not covered'], fill: '#ffffff', dark: false, tooltip: `${technique} under ${tacticLabel(tactic)}: not covered` } : undefined;
    }),
  }));
  if (coverage.tacticOnly.size > 0) {
    rows.push({ label: ['Tactic only', '(no technique named)'], cells: tactics.map((t) => (coverage.tacticOnly.has(t) ? square(coverage.tacticOnly.get(t)!) : undefined)) });
  }

  const width = PAD * 2 + ROW_HEAD + COLUMN * Math.max(1, tactics.length);
  const parts: string[] = [];
  let y = PAD;
  parts.push(textBlock(['ATT&CK coverage'], PAD, y + 18, `${FONT} font-size="20" font-weight="bold" fill="#202020"`));
  parts.push(textBlock([`${counted(definitions)}, mapped on ATT&CK Enterprise v${ATTACK_VERSION}`], PAD, y + 40, `${FONT} font-size="13" fill="#505050"`));
  y += 60;

  const headers = tactics.map((t) => wrapText(tacticLabel(t), COLUMN - 20));
  const headerHeight = Math.max(1, ...headers.map((h) => h.length)) * LINE + LINE + 16;
  parts.push(`<rect x="${PAD}" y="${y}" width="${ROW_HEAD + COLUMN * tactics.length}" height="${headerHeight}" fill="#37474f"/>`);
  parts.push(textBlock(['Technique'], PAD + 10, y + 20, `${FONT} font-size="13" font-weight="bold" fill="#ffffff"`));
  tactics.forEach((tactic, i) => {
    const x = PAD + ROW_HEAD + i * COLUMN;
    const count = coverage.cells.filter((c) => c.tactic === tactic).length;
    parts.push(textBlock([...headers[i], `${count} technique${count === 1 ? '' : 's'} covered`], x + 10, y + 20, `${FONT} font-size="13" font-weight="bold" fill="#ffffff"`, LINE));
  });
  y += headerHeight;

  for (const row of rows) {
    const height = Math.max(row.label.length, ...row.cells.map((c) => c?.lines.length ?? 0)) * LINE + 14;
    parts.push(`<rect x="${PAD}" y="${y}" width="${ROW_HEAD}" height="${height}" fill="#ffffff" stroke="${GRID}"/>`);
    parts.push(`<text ${FONT} font-size="12" fill="#202020">${row.label.map((l, i) => `<tspan x="${PAD + 10}" y="${y + 18 + i * LINE}"${i === 0 ? ' font-weight="bold"' : ''}>${escapeXml(l)}</tspan>`).join('')}</text>`);
    row.cells.forEach((cell, i) => {
      const x = PAD + ROW_HEAD + i * COLUMN;
      const title = cell ? `<title>${escapeXml(cell.tooltip)}</title>` : '';
      parts.push(`<g><rect x="${x}" y="${y}" width="${COLUMN}" height="${height}" fill="${cell?.fill ?? NOT_IN_TACTIC}" stroke="${GRID}"/>${title}`);
      if (cell) parts.push(textBlock(cell.lines, x + 10, y + 18, `${FONT} font-size="12" fill="${cell.dark ? '#ffffff' : cell.lines[0] === 'not covered' ? '#9e9e9e' : '#202020'}"`));
      parts.push('</g>');
    });
    y += height;
  }

  y += 24;
  const legend = legendParts(y);
  parts.push(...legend.parts);
  y = legend.bottom;
  const uncovered = ENTERPRISE_TACTIC_ORDER.filter((t) => !tactics.includes(t)).map(tacticLabel);
  const notes = [
    ...(uncovered.length ? [`No coverage: ${uncovered.join(', ')}.`] : []),
    ...coverage.outside.map((o) => `Not shown: ${o.technique} (${o.reason}) in ${o.definition.name}.`),
  ].flatMap((note) => wrapText(note, width - PAD * 2));
  if (notes.length) parts.push(textBlock(notes, PAD, y + 16, `${FONT} font-size="12" fill="#505050"`));
  const height = y + notes.length * LINE + PAD + 8;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title">`,
    `<title id="title">ATT&amp;CK coverage of ${escapeXml(counted(definitions))}</title>`,
    HATCH,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function counted(definitions: readonly CoverageDefinition[]): string {
  const rules = definitions.filter((d) => d.kind === 'AnalyticsRule').length;
  const queries = definitions.length - rules;
  return `${rules} analytics rule${rules === 1 ? '' : 's'} and ${queries} hunting quer${queries === 1 ? 'y' : 'ies'}`;
}

function square(definitions: readonly CoverageDefinition[]): { lines: string[]; fill: string; dark: boolean; tooltip: string } {
  const level = Math.min(definitions.length, COVERAGE_COLORS.length) - 1;
  const lines = definitions.flatMap((d) => wrapText(`${MARK[d.kind]} ${d.name}`, COLUMN - 20, '   '));
  return { lines, fill: COVERAGE_COLORS[level], dark: level === COVERAGE_COLORS.length - 1, tooltip: definitions.map((d) => d.name).join('\n') };
}

function legendParts(top: number): { parts: string[]; bottom: number } {
  const parts: string[] = [];
  const items: [string, string][] = [
    [COVERAGE_COLORS[0], '1 rule or query'],
    [COVERAGE_COLORS[1], '2'],
    [COVERAGE_COLORS[2], `${COVERAGE_COLORS.length} or more`],
    [NOT_IN_TACTIC, 'technique not in this tactic'],
  ];
  let x = PAD;
  for (const [color, label] of items) {
    parts.push(`<rect x="${x}" y="${top}" width="18" height="18" fill="${color}" stroke="${GRID}"/>`);
    parts.push(textBlock([label], x + 26, top + 14, `${FONT} font-size="12" fill="#202020"`));
    x += 40 + label.length * 7;
  }
  parts.push(textBlock([`${MARK.AnalyticsRule} analytics rule   ${MARK.HuntingQuery} hunting query`], x + 10, top + 14, `${FONT} font-size="12" fill="#202020"`));
  return { parts, bottom: top + 26 };
}
