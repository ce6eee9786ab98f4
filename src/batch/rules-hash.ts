/**
 * The rule-set hash a batch compares against the manifest. Loaded once, before any worker
 * starts: bad rules stop the whole batch (every report would be wrong), unlike a bad input.
 */
import { loadValidRuleSet } from '../rules/load.js';

export async function rulesHashOf(rulesDir: string): Promise<string> {
  return (await loadValidRuleSet(rulesDir)).hash;
}
