import { corpusInputs } from "/work/main/scripts/bench/speed.ts";
import { buildPlan } from "/work/main/src/engine/plan/plan.ts";
import { loadPythonTable } from "/work/main/src/node/load-python-table.ts";
import { registerDebianTablesFromDisk } from "/work/main/src/node/load-tables.ts";
registerDebianTablesFromDisk(); loadPythonTable();
for (const { name, input } of corpusInputs("/work/main")) {
  if (!name.startsWith(process.argv[2]!)) continue;
  const p = buildPlan(input);
  for (const s of p.steps) console.log(s.id, s.status, s.rationale.slice(0, 250));
  console.log(p.steps.at(-1)!.texts.dockerfile); console.log(p.steps.at(-1)!.texts.dockerignore);
}
