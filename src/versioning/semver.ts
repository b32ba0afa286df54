import type { RuleVersion } from '../model/analytics-rule';

export type BumpLevel = 'major' | 'minor' | 'patch';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** "1.2.3" -> [1, 2, 3]; undefined for anything that is not a plain major.minor.patch. */
export function parseVersion(text: unknown): [number, number, number] | undefined {
  if (typeof text !== 'string') return undefined;
  const match = SEMVER.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. Both must parse. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) throw new Error(`cannot compare versions ${JSON.stringify(a)} and ${JSON.stringify(b)}: expected major.minor.patch`);
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}

/** Semantic-version increment: a minor bump resets the patch, a major bump resets both. */
export function bumpVersion(version: string, level: BumpLevel): RuleVersion {
  const parsed = parseVersion(version);
  if (!parsed) throw new Error(`cannot bump ${JSON.stringify(version)}: expected major.minor.patch`);
  const [major, minor, patch] = parsed;
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
