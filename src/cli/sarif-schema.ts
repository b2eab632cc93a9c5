// Test helper (not part of the CLI): validates a SARIF log against the SARIF 2.1.0 JSON schema shipped in
// schemas/ (see its README for the source), with ajv. The schema is JSON Schema draft-04: ajv 6 reads it
// (its ids are `id`, not `$id`) once given the draft-04 meta-schema it bundles.
import Ajv from "ajv";
import draft04 from "ajv/lib/refs/json-schema-draft-04.json";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../schemas/sarif-schema-2.1.0-rtm.5.json", import.meta.url)), "utf8")) as object;
const ajv = new Ajv({ schemaId: "id", allErrors: true });
ajv.addMetaSchema(draft04);
const validate = ajv.compile(schema);

/** The schema's complaints about `log` ([] when it is valid SARIF 2.1.0). */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ""}`);
}
