/**
 * Layers point one way (docs/ARCHITECTURE.md "Layers"): no chain of imports leads from a folder
 * of src/ back to itself. Each folder of src/ is a layer, and so is each file directly in src/
 * (text.ts, errors.ts…). Every import counts, `import type` included: a type is as much a
 * dependency for a reader as a function. A failure names the cycle and the import behind each
 * step of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** One import: the importing file and the imported one, as paths from the repository root. */
interface Import {
  from: string;
  to: string;
  specifier: string;
}

type LayerGraph = Map<string, Map<string, Import>>;

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typescriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function repoPath(abs: string): string {
  return relative(ROOT, abs).split(sep).join('/');
}

/** Static imports, `export … from`, and `import()`, resolved to files; packages are left out. */
function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ fileName }) => ({
      from: repoPath(file),
      to: repoPath(resolve(dirname(file), fileName.replace(/\.js$/, '.ts'))),
      specifier: fileName,
    }));
}

/** `src/rules` for a file in src/rules/ or below it; `src/text.ts` for a file directly in src/. */
function layerOf(path: string): string {
  const parts = path.split('/');
  return parts.length === 2 ? path : `${parts[0]}/${parts[1]}`;
}

/** Layer → layer it imports → the first import found that makes the step. */
function layerGraph(imports: Import[]): LayerGraph {
  const graph: LayerGraph = new Map();
  for (const imp of imports) {
    const [from, to] = [layerOf(imp.from), layerOf(imp.to)];
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.has(to)) graph.set(to, new Map());
    if (from !== to && !graph.get(from)!.has(to)) graph.get(from)!.set(to, imp);
  }
  return graph;
}

/** The strongly connected groups of layers (Tarjan): every cycle lies inside one of them. */
function entangledGroups(graph: LayerGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (layer: string): void => {
    index.set(layer, index.size);
    low.set(layer, index.get(layer)!);
    stack.push(layer);
    onStack.add(layer);
    for (const next of graph.get(layer)!.keys()) {
      if (!index.has(next)) {
        visit(next);
        low.set(layer, Math.min(low.get(layer)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(layer, Math.min(low.get(layer)!, index.get(next)!));
      }
    }
    if (low.get(layer) === index.get(layer)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== layer);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const layer of [...graph.keys()].sort()) if (!index.has(layer)) visit(layer);
  return groups;
}

/** A shortest cycle through the group's first layer, as the list of its steps. */
function cycleIn(graph: LayerGraph, group: string[]): Import[] {
  const start = group[0]!;
  const members = new Set(group);
  const cameFrom = new Map<string, Import>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const layer = queue[i]!;
    for (const [next, imp] of graph.get(layer)!) {
      if (!members.has(next)) continue;
      if (next === start) {
        const steps = [imp];
        for (let at = layer; at !== start; at = layerOf(cameFrom.get(at)!.from)) steps.unshift(cameFrom.get(at)!);
        return steps;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, imp);
        queue.push(next);
      }
    }
  }
  throw new Error(`no cycle through ${start}`);
}

/** `src/rules → src/evaluate → src/rules`, then the import behind each arrow. */
function describeCycle(steps: Import[]): string {
  const path = [layerOf(steps[0]!.from), ...steps.map((s) => layerOf(s.to))].join(' → ');
  return [path, ...steps.map((s) => `  ${s.from} imports '${s.specifier}'`)].join('\n');
}

function cyclesOf(imports: Import[]): string[] {
  const graph = layerGraph(imports);
  return entangledGroups(graph).map((group) => describeCycle(cycleIn(graph, group)));
}

const SOURCE_FILES = typescriptFiles(SRC);
const IMPORTS = SOURCE_FILES.flatMap(importsOf);

describe('the layers of src/', () => {
  it('have no import cycle between folders', () => {
    expect(cyclesOf(IMPORTS)).toEqual([]);
  });

  it('sees every kind of import the code uses (the check is not vacuous)', () => {
    const graph = layerGraph(IMPORTS);
    const edge = (from: string, to: string) => graph.get(from)?.has(to) ?? false;
    expect(edge('src/cli', 'src/audit')).toBe(true);
    // Type-only imports count: evaluate reads the rule types and nothing else of src/rules.
    expect(edge('src/evaluate', 'src/rules')).toBe(true);
    // Files directly in src/ are layers of their own.
    expect(edge('src/ledger', 'src/text.ts')).toBe(true);
    expect(edge('src/index.ts', 'src/audit')).toBe(true);
    // Every import resolves to a file that exists.
    const files = new Set(SOURCE_FILES.map(repoPath));
    expect(IMPORTS.filter((imp) => !files.has(imp.to)).map((imp) => `${imp.from} imports '${imp.specifier}'`)).toEqual([]);
  });

  it('keep no stage above the pipeline: nothing below src/audit imports it', () => {
    const graph = layerGraph(IMPORTS);
    const stages = ['src/ledger', 'src/calendar', 'src/facts', 'src/rules', 'src/findings', 'src/evaluate', 'src/grade'];
    expect(stages.filter((stage) => graph.get(stage)?.has('src/audit'))).toEqual([]);
  });
});

describe('the cycle check itself', () => {
  const imp = (from: string, to: string): Import => ({ from, to, specifier: `./${to}` });

  it('finds a cycle through a type import two folders long, and names each import', () => {
    const cycles = cyclesOf([
      imp('src/a/x.ts', 'src/b/y.ts'),
      imp('src/b/y.ts', 'src/c/z.ts'),
      imp('src/c/z.ts', 'src/a/w.ts'),
      imp('src/a/x.ts', 'src/d.ts'),
    ]);
    expect(cycles).toEqual([
      ['src/a → src/b → src/c → src/a', '  src/a/x.ts imports \'./src/b/y.ts\'', '  src/b/y.ts imports \'./src/c/z.ts\'', '  src/c/z.ts imports \'./src/a/w.ts\''].join('\n'),
    ]);
  });

  it('allows imports inside a folder and from deeper files of the same folder', () => {
    expect(cyclesOf([imp('src/a/x.ts', 'src/a/y.ts'), imp('src/a/y.ts', 'src/a/sub/z.ts'), imp('src/a/sub/z.ts', 'src/a/x.ts')])).toEqual([]);
  });

  it('treats a file directly in src/ as its own layer', () => {
    expect(cyclesOf([imp('src/a/x.ts', 'src/text.ts'), imp('src/text.ts', 'src/a/y.ts')])).toEqual([
      ['src/a → src/text.ts → src/a', '  src/a/x.ts imports \'./src/text.ts\'', '  src/text.ts imports \'./src/a/y.ts\''].join('\n'),
    ]);
  });

  it('reports each tangle once, by its shortest cycle', () => {
    const cycles = cyclesOf([
      imp('src/a/x.ts', 'src/b/x.ts'),
      imp('src/b/x.ts', 'src/a/x.ts'),
      imp('src/b/x.ts', 'src/c/x.ts'),
      imp('src/c/x.ts', 'src/a/x.ts'),
      imp('src/d/x.ts', 'src/e/x.ts'),
      imp('src/e/x.ts', 'src/d/x.ts'),
    ]);
    expect(cycles.map((c) => c.split('\n')[0])).toEqual(['src/a → src/b → src/a', 'src/d → src/e → src/d']);
  });
});
