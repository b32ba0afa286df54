// Builds the V8 start-up snapshot of Kusto.Language (see kusto-snapshot.cjs); run by
// `node --snapshot-blob <file> --build-snapshot` this file, never required.
//
// A snapshot builder may only require Node's built-in modules, so the two Bridge.NET scripts come
// as file names in SENTINEL_CAC_KUSTO_SCRIPTS and run through an indirect eval: as plain scripts in
// the global scope, where they define `Bridge`, `System` and `Kusto` just as under require().
'use strict';
const fs = require('node:fs');
const v8 = require('node:v8');

for (const file of JSON.parse(process.env.SENTINEL_CAC_KUSTO_SCRIPTS || '[]')) {
  (0, eval)(`${fs.readFileSync(file, 'utf8')}\n//# sourceURL=${file}`);
}
const K = globalThis.Kusto.Language;

// Kusto.Language builds its global state (the built-in functions, operators and aggregates) on the
// first analysis: most of the ~1 s a first analysis costs. One query that touches the usual
// operators has it built now, so that it is part of the snapshot.
const WARM_UP = `let window = 1d;
let known = datatable(Name: string, Count: long)["a", 1];
range i from 1 to 3 step 1
| extend Name = strcat("a", tostring(i)), At = now() - window, Bag = parse_json('{"k": [1]}')
| where Name has "a" and At between (ago(2d) .. now()) and isnotempty(Name)
| mv-expand Item = Bag.k
| join kind=leftouter (known) on Name
| summarize Count = count(), First = min(At), Names = make_set(Name, 10), Any = arg_max(At, *) by bin(At, 1h), Name
| project-rename Earliest = First
| order by Count desc
| top 5 by Count`;
const warmUp = K.KustoCode.ParseAndAnalyze(WARM_UP, K.GlobalState.Default).GetDiagnostics();
if (warmUp.Count > 0) throw new Error(`the snapshot's warm-up query has ${warmUp.Count} diagnostic(s): ${warmUp.getItem(0).Message}`);

// On start-up from the snapshot, run the script named on the command line (`node --snapshot-blob
// <file> bin/sentinel-cac.cjs …`), as `node <script>` would have. Without one (the check
// kusto-snapshot.cjs makes of a new snapshot), say whether Kusto.Language is there.
v8.startupSnapshot.setDeserializeMainFunction(() => {
  if (process.argv[1] === undefined) {
    process.stdout.write(typeof globalThis.Kusto?.Language?.KustoCode?.ParseAndAnalyze);
    return;
  }
  // Unlike a normal start, the script's path is left as given; a relative one would be looked up
  // as a package name.
  process.argv[1] = require('node:path').resolve(process.argv[1]);
  require('node:module').runMain();
});
