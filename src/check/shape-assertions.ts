import type { Report } from './check';
import type { LoadedDefinition } from '../load/loaded-project';
import type { PropPath } from '../load/source-locator';
import { closestName } from '../util/closest-name';

export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Small runtime assertions for definition properties. The TypeScript types catch these in the
 * editor; these catch them in `validate` too, for JavaScript authors, `as any`, and imported content.
 */
export class ShapeAssertions {
  constructor(
    private readonly definition: LoadedDefinition,
    private readonly report: Report,
  ) {}

  fail(path: PropPath, message: string, hint?: string, code = 'DEFINITION_INVALID'): false {
    this.report.at(this.definition, path, code, 'error', message, hint);
    return false;
  }

  value(path: PropPath): unknown {
    let current: unknown = this.definition.props;
    for (const step of path) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string | number, unknown>)[step];
    }
    return current;
  }

  required(path: PropPath): boolean {
    const v = this.value(path);
    return v === undefined || v === null ? this.fail(path, `${label(path)} is required`) : true;
  }

  string(path: PropPath, { required = false, max, min = required ? 1 : 0 }: { required?: boolean; max?: number; min?: number } = {}): void {
    const v = this.value(path);
    if (v === undefined) {
      if (required) this.fail(path, `${label(path)} is required`);
      return;
    }
    if (typeof v !== 'string') return void this.fail(path, `${label(path)} must be a string, not ${typeName(v)}`);
    if (v.trim().length < min) return void this.fail(path, `${label(path)} must not be empty`);
    if (max !== undefined && v.length > max) this.fail(path, `${label(path)} is ${v.length} characters; the limit is ${max}`, undefined, 'LIMIT_EXCEEDED');
  }

  guid(path: PropPath): void {
    const v = this.value(path);
    if (typeof v !== 'string' || !GUID_PATTERN.test(v)) {
      this.fail(path, `${label(path)} must be a GUID, got ${JSON.stringify(v)}`, `generate one with: node -e "console.log(crypto.randomUUID())"`);
    }
  }

  oneOf(path: PropPath, allowed: readonly string[], { required = false } = {}): void {
    const v = this.value(path);
    if (v === undefined) {
      if (required) this.fail(path, `${label(path)} is required; one of ${allowed.join(', ')}`);
      return;
    }
    if (typeof v !== 'string' || !allowed.includes(v)) {
      const suggestion = closestName(String(v), allowed);
      this.fail(path, `${label(path)} ${JSON.stringify(v)} is not one of ${allowed.join(', ')}`, suggestion ? `did you mean ${suggestion}?` : undefined, 'ENUM_INVALID');
    }
  }

  arrayOf(path: PropPath, each: (index: number) => void, { required = false, max }: { required?: boolean; max?: number } = {}): void {
    const v = this.value(path);
    if (v === undefined) {
      if (required) this.fail(path, `${label(path)} is required`);
      return;
    }
    if (!Array.isArray(v)) return void this.fail(path, `${label(path)} must be an array, not ${typeName(v)}`);
    if (max !== undefined && v.length > max) this.fail(path, `${label(path)} has ${v.length} entries; the limit is ${max}`, undefined, 'LIMIT_EXCEEDED');
    v.forEach((_, i) => each(i));
  }

  boolean(path: PropPath): void {
    const v = this.value(path);
    if (v !== undefined && typeof v !== 'boolean') this.fail(path, `${label(path)} must be true or false, not ${typeName(v)}`);
  }

  integer(path: PropPath, min: number, max: number, { required = false } = {}): void {
    const v = this.value(path);
    if (v === undefined) {
      if (required) this.fail(path, `${label(path)} is required`);
      return;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(path, `${label(path)} must be a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`);
    }
  }

  pattern(path: PropPath, regex: RegExp, description: string, { required = false } = {}): void {
    const v = this.value(path);
    if (v === undefined) {
      if (required) this.fail(path, `${label(path)} is required`);
      return;
    }
    if (typeof v !== 'string' || !regex.test(v)) this.fail(path, `${label(path)} must be ${description}, got ${JSON.stringify(v)}`);
  }

  object(path: PropPath): Record<string, unknown> | undefined {
    const v = this.value(path);
    if (v === undefined) return undefined;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.fail(path, `${label(path)} must be an object, not ${typeName(v)}`);
      return undefined;
    }
    return v as Record<string, unknown>;
  }
}

export function label(path: PropPath): string {
  return path.reduce<string>((acc, step) => (typeof step === 'number' ? `${acc}[${step}]` : acc ? `${acc}.${step}` : step), '');
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}
