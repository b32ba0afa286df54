import { isDuration, isoToDuration, type Duration } from '../model/duration';

/**
 * Turns a duration as written in the wild into the model's form. Azure-Sentinel YAML writes "5m",
 * "1h", "14d" (sometimes "1h10m" or .NET "01:00:00"), ARM writes ISO-8601 ("PT1H", "P14D"). A value
 * that is already a model duration is kept as written ("24h" stays "24h"). Undefined when the value
 * is not a whole number of minutes in any of these forms.
 */
export function toDuration(raw: unknown): Duration | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (isDuration(text)) return text;
  if (/^P/i.test(text)) return isoToDuration(text.toUpperCase()) ?? undefined;
  const compound = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/i.exec(text);
  if (compound && text !== '') return minutesToDuration(Number(compound[1] ?? 0) * 1440 + Number(compound[2] ?? 0) * 60 + Number(compound[3] ?? 0));
  const timeSpan = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (timeSpan && Number(timeSpan[4] ?? 0) === 0) {
    return minutesToDuration(Number(timeSpan[1] ?? 0) * 1440 + Number(timeSpan[2]) * 60 + Number(timeSpan[3]));
  }
  return undefined;
}

/** The shortest model spelling of a whole number of minutes: 1440 -> "1d", 90 -> "90m". */
export function minutesToDuration(minutes: number): Duration | undefined {
  if (!Number.isInteger(minutes) || minutes <= 0) return undefined;
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

const TRIGGER_OPERATORS: Readonly<Record<string, string>> = {
  gt: 'GreaterThan',
  greaterthan: 'GreaterThan',
  lt: 'LessThan',
  lessthan: 'LessThan',
  eq: 'Equal',
  equal: 'Equal',
  // SentinelARConverter wrote "Equals" for eq in some versions; the API's name is Equal.
  equals: 'Equal',
  ne: 'NotEqual',
  notequal: 'NotEqual',
};

/** gt/lt/eq/ne (YAML) or GreaterThan/LessThan/Equal/NotEqual (ARM), any case; undefined if neither. */
export function toTriggerOperator(raw: unknown): string | undefined {
  return typeof raw === 'string' ? TRIGGER_OPERATORS[raw.trim().toLowerCase()] : undefined;
}

/**
 * The model keeps techniques and sub-techniques in one list; the API splits them. A parent listed
 * in `techniques` whose sub-techniques are listed is implied by them, so it is folded away:
 * techniques [T1098, T1078] + subTechniques [T1098.001] -> [T1098.001, T1078].
 */
export function mergeTechniques(techniques: readonly string[], subTechniques: readonly string[]): string[] {
  const out: string[] = [];
  const used = new Set<string>();
  for (const technique of techniques) {
    const subs = subTechniques.filter((s) => s.split('.')[0] === technique);
    for (const item of subs.length ? subs : [technique]) {
      if (!used.has(item)) out.push(item);
      used.add(item);
    }
  }
  for (const sub of subTechniques) if (!used.has(sub)) (out.push(sub), used.add(sub));
  return out;
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * The object with keys that differ from a known property only in letter case renamed to it
 * (`alertDisplaynameFormat` -> `alertDisplayNameFormat`): ARM treats property names without
 * regard to case, so such a key is the property its author meant. Returns the renamed keys too.
 */
export function withKnownKeyCase(object: Readonly<Record<string, unknown>>, known: readonly string[]): { value: Record<string, unknown>; renamed: [string, string][] } {
  const renamed: [string, string][] = [];
  const value: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(object)) {
    const match = known.includes(key) ? undefined : known.find((k) => k.toLowerCase() === key.toLowerCase());
    if (match && !(match in object)) {
      renamed.push([key, match]);
      value[match] = v;
    } else value[key] = v;
  }
  return { value, renamed };
}
