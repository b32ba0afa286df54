import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../check/diagnostic';
import { validateLoadedProject } from '../../check/validate-project';
import { loadProject } from '../../load/load-project';
import { renderProject } from '../../render/render-project';
import { importContent } from '../import-content';
import type { SourceFormat } from '../imported-item';
import { canonicalFromArtifact, canonicalFromSource, pickArtifact } from './canonical-forms';
import { sortKeys } from './canonical-values';

export interface RoundTripOutcome {
  readonly file: string;
  readonly pointer: string;
  readonly name: string;
  readonly format?: SourceFormat;
  /** exact: same rule after normalization; differs: see `differences`; not-imported: see `reason`; failed: the import or build broke. */
  readonly status: 'exact' | 'differs' | 'not-imported' | 'failed';
  /** The canonical fields that differ, e.g. ['query', 'incidentConfiguration']. */
  readonly differences: readonly string[];
  /** Original and built values of each differing field. */
  readonly details?: Readonly<Record<string, { readonly original: unknown; readonly built: unknown }>>;
  readonly reason?: string;
}

/**
 * Fidelity check for one source file: import it into an empty project, load the definitions
 * back through the project's own loader (so the `.ts` really compiles and runs), build them with
 * the project's renderers, read each built artifact back from its text, and compare it with the
 * original item in the same format after the allowed normalizations (see canonical-values).
 */
export interface RoundTripFileResult {
  readonly outcomes: readonly RoundTripOutcome[];
  /** What the import reported for the file: what it could not carry over, normalized or defaulted. */
  readonly diagnostics: readonly Diagnostic[];
}

export function roundTripFile(file: string, options: { readonly cwd?: string } = {}): RoundTripFileResult {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-roundtrip-'));
  try {
    const imported = importContent({ root, inputs: [file], cwd: options.cwd, validate: false });
    const outcomes: RoundTripOutcome[] = imported.skipped.map((s) => ({ file: s.file, pointer: s.pointer, name: s.name, status: 'not-imported', differences: [], reason: s.reason }));
    const result = { outcomes, diagnostics: imported.diagnostics };
    if (imported.definitions.length === 0) return result;
    const source = fs.readFileSync(path.resolve(options.cwd ?? process.cwd(), file), 'utf8');
    const project = loadProject(root);
    const artifacts = renderProject(validateLoadedProject(project));
    for (const planned of imported.definitions) {
      const { origin } = planned.item;
      const base = { file: origin.file, pointer: origin.pointer, name: planned.item.kind === 'Watchlist' ? planned.item.props.alias : String(planned.item.props.name), format: origin.format };
      const loaded = [...project.rules, ...project.huntingQueries, ...project.watchlists, ...project.functions].find((d) => d.source.file === planned.definitionFile);
      const artifact = loaded && pickArtifact(origin.format, artifacts.filter((a) => a.from === loaded));
      if (!artifact) {
        const problem = project.diagnostics.find((d) => d.file === planned.definitionFile || d.file === planned.dataFile);
        outcomes.push({ ...base, status: 'failed', differences: [], reason: problem ? `${problem.code}: ${problem.message}` : 'no artifact was built' });
        continue;
      }
      const original = canonicalFromSource(origin.format, source, origin.path);
      const built = canonicalFromArtifact(origin.format, artifact);
      const differences = canonicalDifferences(original, built);
      const details = Object.fromEntries(differences.map((k) => [k, { original: original[k], built: built[k] }]));
      outcomes.push({ ...base, status: differences.length ? 'differs' : 'exact', differences, ...(differences.length ? { details } : {}) });
    }
    return result;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The fields in which two canonical forms differ, key order ignored. A source without a version
 * gets 1.0.0, one without an id a derived id (both reported by the import), so those two are only
 * compared when the original states them.
 */
export function canonicalDifferences(original: Readonly<Record<string, unknown>>, built: Readonly<Record<string, unknown>>): string[] {
  const keys = [...new Set([...Object.keys(original), ...Object.keys(built)])];
  return keys
    .filter((k) => !(['version', 'id'].includes(k) && (original[k] === undefined || original[k] === null)))
    .filter((k) => JSON.stringify(sortKeys(original[k])) !== JSON.stringify(sortKeys(built[k])))
    .sort();
}
