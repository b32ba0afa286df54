/** Text helpers for the hand-laid-out coverage SVG (no font metrics are available when building). */

/** Average advance of a 12px sans-serif glyph; wrapping errs on the narrow side of it. */
export const CHAR_WIDTH = 6.8;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap to lines of at most `width` pixels; continuation lines start with `indent`; over-long words are cut. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const max = Math.max(indent.length + 4, Math.floor(width / CHAR_WIDTH));
  const room = max - indent.length;
  const words = text.split(/\s+/).filter(Boolean).flatMap((word) => chunks(word, room));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (!line) line = (lines.length ? indent : '') + word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = indent + word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function chunks(word: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += size) out.push(word.slice(i, i + size));
  return out;
}

/** A <text> element with one <tspan> per line. */
export function textBlock(lines: readonly string[], x: number, y: number, attributes: string, lineHeight = 15): string {
  const spans = lines.map((l, i) => `<tspan x="${x}" y="${y + i * lineHeight}">${escapeXml(l)}</tspan>`).join('');
  return `<text ${attributes}>${spans}</text>`;
}
