/**
 * Near matches for a key that names no record, so the hint can say "did you mean …".
 * Keys are compared after NFKC folding (full-width → half-width) and lower-casing.
 */

export function foldKey(key: string): string {
  return key.normalize('NFKC').trim().toLowerCase();
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The keys closest to `target` by edit distance (one containing the other also counts as near), best first. */
export function nearKeys(target: string, keys: Iterable<string>, limit = 5): string[] {
  const t = foldKey(target);
  if (t === '') return [];
  const budget = Math.max(1, Math.round(t.length / 3));
  const scored: { key: string; score: number }[] = [];
  for (const key of new Set(keys)) {
    const k = foldKey(key);
    const contains = k.includes(t) || t.includes(k);
    const score = editDistance(t, k);
    if (contains || score <= budget) scored.push({ key, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.key);
}
