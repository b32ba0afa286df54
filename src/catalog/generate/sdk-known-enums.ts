import * as ts from 'typescript';

/**
 * Reads `export declare enum Known<Name> { A = "A", ... }` from an Azure SDK's typings.
 * The SDK generates these from the REST spec's x-ms-enum types, so they stand in for spec files
 * that the reference folder lacks (AlertRules' `./common/AlertTypes.json`).
 */
export function readSdkKnownEnum(typingsText: string, typingsName: string, enumName: string): string[] {
  const source = ts.createSourceFile(typingsName, typingsText, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const declaration = source.statements.find(
    (s): s is ts.EnumDeclaration => ts.isEnumDeclaration(s) && s.name.text === enumName,
  );
  if (!declaration) throw new Error(`${typingsName}: has no enum ${enumName}.`);
  return declaration.members.map((member) => {
    if (!member.initializer || !ts.isStringLiteral(member.initializer)) {
      throw new Error(`${typingsName}: ${enumName}.${member.name.getText(source)} has no string value.`);
    }
    return member.initializer.text;
  });
}
