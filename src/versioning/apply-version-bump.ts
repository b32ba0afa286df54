import fs from 'node:fs';
import type { LoadedProject } from '../load/loaded-project';
import { absoluteSourceFile, type VersionBumpPlan } from './version-bump-plan';
import { applyTextEdits, versionLiteralEdit, type TextEdit } from './version-literal-edit';
import { writeVersionLockFile } from './version-lock-file';

/**
 * Writes a bump plan: the version literals in the `.ts` files first, then the lock. Every edit is
 * computed before anything is written, so a file whose version cannot be edited (not a literal)
 * stops the command with nothing changed.
 */
export function applyVersionBump(project: LoadedProject, plan: VersionBumpPlan): void {
  const editsByFile = new Map<string, TextEdit[]>();
  const texts = new Map<string, string>();
  for (const change of plan.sourceVersions) {
    const file = absoluteSourceFile(project, change);
    if (!texts.has(file)) texts.set(file, fs.readFileSync(file, 'utf8'));
    const edits = editsByFile.get(file) ?? [];
    edits.push(versionLiteralEdit(change.file, texts.get(file)!, change.id, change.to));
    editsByFile.set(file, edits);
  }
  for (const [file, edits] of editsByFile) fs.writeFileSync(file, applyTextEdits(texts.get(file)!, edits));
  writeVersionLockFile(project.root, plan.lock);
}
