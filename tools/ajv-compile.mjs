// Compiles a JSON Schema (draft 2020-12) with ajv in strict mode, then validates JSON documents
// against it: node ajv-compile.mjs SCHEMA [DOC.json ...]; exit 0 when all is well.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats");
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const [schemaFile, ...docs] = process.argv.slice(2);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
let failed = 0;
for (const d of docs) {
  if (!validate(JSON.parse(readFileSync(d, "utf8")))) {
    failed++;
    console.error(d + ": " + ajv.errorsText(validate.errors));
  }
}
console.log("compiled " + schemaFile + "; " + (docs.length - failed) + " of " + docs.length + " documents valid");
process.exit(failed ? 1 : 0);
