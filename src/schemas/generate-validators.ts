/**
 * `npm run validators`: regenerates src/schemas/generated/ from schemas/*.schema.json. Run it
 * after editing a schema and commit the result (test/schemas checks they agree); until then
 * the run time compiles the edited schema with ajv, so behaviour is always the schema on disk.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GENERATED_DIR, generateAllModules } from './standalone.js';

function currentText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

mkdirSync(GENERATED_DIR, { recursive: true });
for (const module of generateAllModules()) {
  const file = join(GENERATED_DIR, module.file);
  const changed = currentText(file) !== module.text;
  if (changed) writeFileSync(file, module.text);
  console.log(`${changed ? 'wrote    ' : 'unchanged'} ${relative(process.cwd(), file)} (from schemas/${module.schema})`);
}
