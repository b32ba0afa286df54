/**
 * Durations are written as Azure-Sentinel YAML writes them ("5m", "1h", "14d") because that is
 * what rule authors read in the community repositories; ARM wants ISO-8601 ("PT5M", "PT1H", "P14D").
 */
export type Duration = `${number}m` | `${number}h` | `${number}d`;

const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;
const DURATION_PATTERN = /^([1-9][0-9]*)([mhd])$/;

export function isDuration(value: unknown): value is Duration {
  return typeof value === 'string' && DURATION_PATTERN.test(value);
}

export function durationMinutes(value: Duration): number {
  const match = DURATION_PATTERN.exec(value);
  if (!match) throw new Error(`not a duration: ${JSON.stringify(value)} (expected e.g. "5m", "1h", "14d")`);
  return Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES];
}

/** "14d" -> "P14D", "90m" -> "PT1H30M", "1d" -> "P1D", "36h" -> "P1DT12H"; the form the portal exports. */
export function durationToIso(value: Duration): string {
  let minutes = durationMinutes(value);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  let out = 'P';
  if (days) out += `${days}D`;
  if (hours || minutes) {
    out += 'T';
    if (hours) out += `${hours}H`;
    if (minutes) out += `${minutes}M`;
  }
  return out === 'P' ? 'PT0M' : out;
}

/** The inverse of durationToIso for the subset ARM uses (days, hours, minutes); null when not representable. */
export function isoToDuration(iso: string): Duration | null {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match || match[4]) return null;
  const minutes = Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  if (minutes === 0) return null;
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
