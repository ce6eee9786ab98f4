/**
 * The record ids of one sheet (受理编号, 投诉编号), in row order, and which of them repeat an
 * earlier row's id: those later rows are set aside, naming the row the id first appeared in.
 *
 * Answered once, after the sheet's last row, rather than row by row with a map of every id:
 * keeping that map up to date while the rows were read cost 60–90 ms per 100,000 cases (the
 * bench workbook's sheet replayed through the reader with and without the check, alternating
 * rounds: docs/performance.md), far more than the same map built alone (15–27 ms). Why was not
 * measured; likely a table of 100,000 entries reached at random while the reader's own data
 * fills the caches. Here each id adds a 32-bit hash to a typed array; at the end the hashes are sorted,
 * and only ids whose hash occurs twice (the repeats, and the rare collision) go into a map, in
 * row order, where equal texts are told apart from equal hashes.
 */
export interface RepeatedKey {
  /** The position of the repeating id in the order the ids were added. */
  index: number;
  key: string;
  rowNumber: number;
  /** The row the id first appeared in. */
  firstRow: number;
}

const INITIAL_CAPACITY = 1024;

export class RepeatedKeys {
  private hashes = new Uint32Array(INITIAL_CAPACITY);
  private readonly keys: string[] = [];
  private readonly rowNumbers: number[] = [];

  /** The id of the row `rowNumber`; ids are added in row order. */
  add(key: string, rowNumber: number): void {
    const index = this.keys.length;
    if (index === this.hashes.length) {
      const grown = new Uint32Array(index * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[index] = hashOf(key);
    this.keys.push(key);
    this.rowNumbers.push(rowNumber);
  }

  /** Every id that repeats an earlier one, in the order added. */
  repeats(): RepeatedKey[] {
    const count = this.keys.length;
    const hashes = this.hashes.subarray(0, count);
    const sorted = hashes.slice().sort();
    const shared = new Set<number>();
    for (let i = 1; i < count; i++) if (sorted[i] === sorted[i - 1]) shared.add(sorted[i]!);
    if (shared.size === 0) return [];
    const firstRows = new Map<string, number>();
    const found: RepeatedKey[] = [];
    for (let index = 0; index < count; index++) {
      if (!shared.has(hashes[index]!)) continue;
      const key = this.keys[index]!;
      const rowNumber = this.rowNumbers[index]!;
      const firstRow = firstRows.get(key);
      if (firstRow === undefined) firstRows.set(key, rowNumber);
      else found.push({ index, key, rowNumber, firstRow });
    }
    return found;
  }
}

/** FNV-1a over the UTF-16 code units: equal texts hash alike; unequal ones rarely do. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
