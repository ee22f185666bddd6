// Validates rendered manifests (kubectl kustomize output, a file or stdin) against the Kubernetes
// API schemas that the npm package kubernetes-models carries: offline, no cluster needed.
// Custom resources of the operators we use (CloudNativePG) have no schema here; they are listed as
// such and checked by deploy-tests' ManifestWiringTest instead. Any other unknown kind fails.
//   kubectl kustomize k8s/overlays/prod | node k8s/tools/validate.mjs
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const CUSTOM_RESOURCE_GROUPS = ["postgresql.cnpg.io"];

const input = readFileSync(process.argv[2] ?? 0, "utf8");
let passed = 0;
let failed = 0;
for (const document of parseAllDocuments(input)) {
  if (document.errors.length > 0) {
    console.error(`YAML error: ${document.errors[0].message}`);
    failed++;
    continue;
  }
  const object = document.toJS();
  if (!object) continue;
  const { apiVersion, kind } = object;
  const name = `${apiVersion} ${kind} ${object.metadata?.name}`;
  const group = apiVersion?.includes("/") ? apiVersion.split("/")[0] : "";
  const version = apiVersion?.split("/").pop();
  if (CUSTOM_RESOURCE_GROUPS.includes(group)) {
    console.log(`custom resource, no schema here: ${name}`);
    continue;
  }
  let model;
  try {
    const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
    model = module[kind];
  } catch {
    model = undefined;
  }
  if (!model) {
    console.error(`FAIL ${name}: no schema for this apiVersion and kind`);
    failed++;
    continue;
  }
  try {
    new model(object).validate();
    passed++;
  } catch (error) {
    console.error(`FAIL ${name}: ${error.message}`);
    failed++;
  }
}
console.log(`${passed} valid, ${failed} invalid`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
