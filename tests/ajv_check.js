// Validates source files against kasko-dcat's JSON Schemas with Ajv, the JavaScript engine editors and
// check-jsonschema's ECMAScript mode use: regexes compiled with the `u` flag (unicodeRegExp), strict mode.
// Reads {"schemas": {name: schema}, "files": [{"file", "schema", "data"}]} on stdin; writes one JSON object:
// {"compiled": {name: error or null}, "files": {file: [errors]}}.
"use strict";
const path = require("path");
const Ajv2020 = require(path.resolve(process.argv[2], "node_modules/ajv/dist/2020")).default;

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { schemas, files } = JSON.parse(input);
  const ajv = new Ajv2020({ allErrors: true, unicodeRegExp: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const compiled = {};
  const validators = {};
  for (const [name, schema] of Object.entries(schemas)) {
    try {
      validators[name] = ajv.compile(schema);
      compiled[name] = null;
    } catch (error) {
      compiled[name] = String(error.message || error);
    }
  }
  const results = {};
  for (const { file, schema, data } of files) {
    const validate = validators[schema];
    if (!validate) {
      results[file] = ["schema did not compile"];
      continue;
    }
    results[file] = validate(data) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`);
  }
  process.stdout.write(JSON.stringify({ compiled, files: results }));
});
