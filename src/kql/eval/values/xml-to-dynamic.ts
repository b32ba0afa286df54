/**
 * parse_xml(): XML text to a dynamic value, by the conversion table of Kusto's documentation
 * (https://learn.microsoft.com/kusto/query/parse-xml-function):
 *
 * - `<e/>` → `{"e": null}`; `<e>text</e>` → `{"e": "text"}`;
 * - attributes become `"@name"` properties, text beside attributes or child elements `"#text"`;
 * - child elements become properties, and repeated ones an array in document order;
 * - only elements, attributes and text are translated; the declaration, comments, processing
 *   instructions, DOCTYPE and CDATA sections are skipped;
 * - text is trimmed and whitespace-only text dropped, as in the table's `<e> text <a>text</a> </e>`;
 * - text stays text: `<value>118.0</value>` gives the string "118.0", which todouble() reads;
 * - XML that is not well-formed, or longer than 1 MB, gives null.
 */
import { DynamicValue } from './types';

const MAX_LENGTH = 1_048_576;

interface XmlElement {
  readonly name: string;
  readonly attributes: [string, string][];
  readonly children: (XmlElement | string)[];
}

export function xmlToDynamic(text: string): DynamicValue {
  if (text.length > MAX_LENGTH) return null;
  let root: XmlElement | undefined;
  try {
    root = new XmlReader(text).document();
  } catch (error) {
    if (error instanceof NotWellFormed) return null;
    throw error;
  }
  return { [root.name]: elementValue(root) };
}

function elementValue(element: XmlElement): DynamicValue {
  if (element.attributes.length === 0 && element.children.every((c) => typeof c === 'string')) {
    return element.children.length === 0 ? null : element.children.join('');
  }
  // Properties in document order: attributes, then each child name (and `#text`) where it first
  // occurs; a name that occurs again collects its values into an array.
  const groups = new Map<string, DynamicValue[]>(element.attributes.map(([name, value]) => [`@${name}`, [value]]));
  for (const child of element.children) {
    const key = typeof child === 'string' ? '#text' : child.name;
    const value = typeof child === 'string' ? child : elementValue(child);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  const bag: Record<string, DynamicValue> = {};
  for (const [key, values] of groups) bag[key] = values.length === 1 ? values[0] : values;
  return bag;
}

class NotWellFormed extends Error {}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/y;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A small recursive-descent reader of well-formed XML 1.0 documents: what parse_xml needs, no more. */
class XmlReader {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): XmlElement {
    this.skipMisc();
    if (this.text.startsWith('<!DOCTYPE', this.at)) {
      this.skipPast('>');
      this.skipMisc();
    }
    const root = this.element();
    this.skipMisc();
    if (this.at !== this.text.length) throw new NotWellFormed();
    return root;
  }

  /** Whitespace, the XML declaration, comments and processing instructions around the root. */
  private skipMisc(): void {
    for (;;) {
      while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
      if (this.text.startsWith('<?', this.at)) this.skipPast('?>');
      else if (this.text.startsWith('<!--', this.at)) this.skipPast('-->');
      else return;
    }
  }

  private skipPast(end: string): void {
    const found = this.text.indexOf(end, this.at);
    if (found < 0) throw new NotWellFormed();
    this.at = found + end.length;
  }

  private element(): XmlElement {
    this.expect('<');
    const name = this.name();
    const attributes: [string, string][] = [];
    for (;;) {
      const spaced = this.skipSpace();
      if (this.text.startsWith('/>', this.at)) {
        this.at += 2;
        return { name, attributes, children: [] };
      }
      if (this.text[this.at] === '>') {
        this.at++;
        break;
      }
      if (!spaced) throw new NotWellFormed();
      const attribute = this.name();
      if (attributes.some(([n]) => n === attribute)) throw new NotWellFormed();
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      attributes.push([attribute, this.quoted()]);
    }
    return { name, attributes, children: this.content(name) };
  }

  private content(name: string): (XmlElement | string)[] {
    const children: (XmlElement | string)[] = [];
    let text = '';
    const flushText = (): void => {
      const trimmed = text.trim();
      if (trimmed !== '') children.push(trimmed);
      text = '';
    };
    for (;;) {
      if (this.at >= this.text.length) throw new NotWellFormed();
      if (this.text.startsWith('</', this.at)) {
        this.at += 2;
        if (this.name() !== name) throw new NotWellFormed();
        this.skipSpace();
        this.expect('>');
        flushText();
        return children;
      }
      if (this.text.startsWith('<!--', this.at)) this.skipPast('-->');
      else if (this.text.startsWith('<?', this.at)) this.skipPast('?>');
      else if (this.text.startsWith('<![CDATA[', this.at)) this.skipPast(']]>');
      else if (this.text[this.at] === '<') {
        flushText();
        children.push(this.element());
      } else text += this.characters();
    }
  }

  /** Character data up to the next markup, with its references resolved. */
  private characters(): string {
    const end = this.text.indexOf('<', this.at);
    const raw = this.text.slice(this.at, end < 0 ? this.text.length : end);
    this.at += raw.length;
    return resolveReferences(raw);
  }

  private quoted(): string {
    const quote = this.text[this.at];
    if (quote !== '"' && quote !== "'") throw new NotWellFormed();
    const end = this.text.indexOf(quote, this.at + 1);
    if (end < 0) throw new NotWellFormed();
    const raw = this.text.slice(this.at + 1, end);
    if (raw.includes('<')) throw new NotWellFormed();
    this.at = end + 1;
    return resolveReferences(raw);
  }

  private name(): string {
    NAME.lastIndex = this.at;
    const match = NAME.exec(this.text);
    if (!match) throw new NotWellFormed();
    this.at += match[0].length;
    return match[0];
  }

  private skipSpace(): boolean {
    const start = this.at;
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
    return this.at > start;
  }

  private expect(token: string): void {
    if (!this.text.startsWith(token, this.at)) throw new NotWellFormed();
    this.at += token.length;
  }
}

function resolveReferences(raw: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new NotWellFormed();
    if (body.startsWith('#x')) return codePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return codePoint(parseInt(body.slice(1), 10));
    const named = ENTITIES[body];
    if (named === undefined) throw new NotWellFormed();
    return named;
  });
}

function codePoint(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 0x10ffff) throw new NotWellFormed();
  return String.fromCodePoint(value);
}
