/**
 * The row where each record id (受理编号, 投诉编号) first appeared, so that a later row repeating
 * it is set aside as a duplicate.
 *
 * Ledgers list their records in id order almost always, so the ids seen so far are kept as
 * an ascending run plus a map for the ids that broke the order. An id above the run's last
 * one cannot have been seen before and is appended with one comparison; any other id is
 * looked up by binary search in the run and in the map. "Ascending" is shorter first, then by
 * code unit: numbered ids often grow a digit (SL-2026-10-9999, SL-2026-10-10000), which plain
 * string order would put out of order. (A hash map of every id was the
 * importer's costliest step after cell parsing: ~0.13 s of a 100,000-row read, measured with
 * --cpu-prof.)
 */
export class FirstRows {
  /** Ids in ascending order, with their rows. */
  private readonly run: string[] = [];
  private readonly runRows: number[] = [];
  /** Ids that came out of order. */
  private readonly others = new Map<string, number>();

  /**
   * Records `id` at `row` and returns undefined if the id is new; otherwise the row where it
   * first appeared (the id keeps that first row).
   */
  firstRowOf(id: string, row: number): number | undefined {
    const run = this.run;
    const last = run.length - 1;
    if (last < 0 || isBefore(run[last]!, id)) {
      run.push(id);
      this.runRows.push(row);
      return undefined;
    }
    const index = this.indexInRun(id);
    if (index >= 0) return this.runRows[index];
    const firstRow = this.others.get(id);
    if (firstRow !== undefined) return firstRow;
    this.others.set(id, row);
    return undefined;
  }

  /** The index of `id` in the ascending run, or -1. */
  private indexInRun(id: string): number {
    const run = this.run;
    let low = 0;
    let high = run.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = run[middle]!;
      if (candidate === id) return middle;
      if (isBefore(candidate, id)) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** The run's order: shorter ids first, then by code unit. */
function isBefore(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}
