import type { LoadedProject } from '../src/load/loaded-project';

/** The query text of every rule and hunting query that has one, in load order: what the benches analyze. */
export function queryTexts(project: LoadedProject): string[] {
  return [...project.rules, ...project.huntingQueries].flatMap((d) => (d.query ? [d.query.text] : []));
}
