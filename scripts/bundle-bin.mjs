/**
 * The `duty-audit` bin as one file: `npm run build` compiles src/ with tsc (dist/, the library
 * and its declarations), then this bundles src/cli/main.ts with its dependencies into
 * dist/cli/main.js with esbuild, over tsc's copy of that one file.
 *
 * Why: before the bin could do anything, node resolved, read and compiled ~190 of our modules
 * and ~700 of exceljs, JSZip, archiver, unzipper and the rest, file by file. Measured with
 * `node dist/cli/main.js --version` and a 1,000-case month (bench/audit.ts --month), medians of
 * 9 alternating rounds on the busy 2-core machine (load 8-9), CPU time user + system:
 * `--version` 0.81 → 0.39 s, the month 1.48 → 1.06 s; bundling only our own modules saved
 * 0.13 s of it (docs/performance.md).
 *
 * What the bundle keeps as it was:
 * - every module of ours sees the `import.meta.url` of its own dist/ file, so paths found from
 *   it (the package root, the batch worker, ajv's run-time helpers) are what they were;
 * - piscina and yargs stay in node_modules, loaded by node: piscina starts its worker from a
 *   file beside its own module, and yargs reads its translated messages from its own locales/
 *   folder (bundled, a Chinese LANG got English usage errors).
 * CommonJS dependencies ask for node's built-in modules with `require`, which an ES module does
 * not have: the banner defines one.
 *
 * `node scripts/bundle-bin.mjs` writes dist/cli/main.js; `bundleBin({ outfile })` writes
 * elsewhere (test/cli/bundled-bin.test.ts).
 */
import { chmodSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
export const BIN = join(DIST, 'cli', 'main.js');

/** Packages that find files relative to their own installed location. */
const EXTERNAL = ['piscina', 'yargs', 'yargs/*'];

const REQUIRE_BANNER = "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/** The node target of package.json's engines field. */
const TARGET = 'node20.19';

/**
 * Replaces `import.meta.url` in each of our modules by the URL of its tsc output under dist/,
 * found from the bundle's own URL. esbuild's `define` replaces the expression in code only,
 * never in strings or comments.
 */
function ownModuleUrls(outfile) {
  const tsconfigRaw = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
  return {
    name: 'own-module-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(SRC + sep)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const built = join(DIST, relative(SRC, args.path)).replace(/\.ts$/, '.js');
        const fromBundle = relative(dirname(outfile), built).split(sep).join('/');
        const { code } = await transform(source, {
          loader: 'ts',
          format: 'esm',
          tsconfigRaw,
          sourcefile: args.path,
          define: { 'import.meta.url': '__ownModuleUrl' },
        });
        return {
          contents: `const __ownModuleUrl = new URL(${JSON.stringify(fromBundle)}, import.meta.url).href;\n${code}`,
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

/** Bundles the bin into `outfile` (default dist/cli/main.js) and makes it executable. */
export async function bundleBin({ outfile = BIN } = {}) {
  await build({
    entryPoints: [join(SRC, 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: TARGET,
    external: EXTERNAL,
    banner: { js: REQUIRE_BANNER },
    sourcemap: 'linked',
    sourcesContent: false,
    allowOverwrite: true,
    plugins: [ownModuleUrls(outfile)],
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleBin();
