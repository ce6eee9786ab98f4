/**
 * The `duty-audit` bin as one file: `npm run build` compiles src/ with tsc (dist/, the library
 * and its declarations), then this bundles src/cli/main.ts with its dependencies into
 * dist/cli/main.js with esbuild, over tsc's copy of that one file.
 *
 * Why: before the bin could do anything, node resolved, read and compiled ~190 of our modules
 * and ~700 of exceljs, JSZip, archiver, unzipper, yargs and the rest, file by file. Measured with
 * `node dist/cli/main.js --version` and a 1,000-case month (bench/audit.ts --month), medians of
 * 9 alternating rounds on the busy 2-core machine (load 8-9), CPU time user + system:
 * `--version` 0.81 → 0.39 s, the month 1.48 → 1.06 s, with yargs still outside the bundle;
 * bundling only our own modules saved 0.13 s of it. Bundling yargs too and dropping white space
 * took a few percent more each (docs/performance.md).
 *
 * What the bundle keeps as it was:
 * - every module sees the `import.meta.url` it has unbundled (moduleUrls below), so paths found
 *   from it are what they were: the package root, the batch worker, ajv's run-time helpers, and
 *   yargs' translated messages (its locales/ folder: with the bundle's own URL a Chinese LANG
 *   got English usage errors);
 * - piscina stays in node_modules, loaded by node when `batch` starts workers: it starts its
 *   worker from a file beside its CommonJS module (`__dirname`);
 * - so does better-sqlite3 (`serve`'s index): `bindings` finds its compiled .node file from
 *   `__filename`, which a bundled ES module does not have; fastify and @fastify/multipart, loaded
 *   only by `serve`, stay with it rather than grow every command's bundle.
 * CommonJS dependencies ask for node's built-in modules with `require`, which an ES module does
 * not have: the banner defines one.
 *
 * `node scripts/bundle-bin.mjs` writes dist/cli/main.js; `bundleBin({ outfile })` writes
 * elsewhere (test/cli/bundled-bin.test.ts).
 */
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
export const BIN = join(DIST, 'cli', 'main.js');

/** Packages left in node_modules (see above). */
const EXTERNAL = ['piscina', 'better-sqlite3', 'fastify', '@fastify/multipart'];

const REQUIRE_BANNER = "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/** The node target of package.json's engines field. */
const TARGET = 'node20.19';

/**
 * Gives every bundled module the `import.meta.url` it has unbundled, so that what it finds from
 * its own location is found as before. esbuild's `define` replaces the expression in code only,
 * never in strings or comments.
 * - Our modules: the URL of their tsc output under dist/, relative to the bundle.
 * - A dependency's module (yargs reads its translations from its locales/ folder this way):
 *   its file inside the package, the package found at run time with `import.meta.resolve`, as
 *   node would find it from the bundle, wherever npm installed it.
 */
function moduleUrls(outfile) {
  const tsconfigRaw = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
  const replaced = async (path, loader, urlCode) => {
    const { code } = await transform(readFileSync(path, 'utf8'), { loader, tsconfigRaw, sourcefile: path, define: { 'import.meta.url': '__moduleUrl' } });
    return { contents: `const __moduleUrl = ${urlCode};\n${code}`, loader: 'js', resolveDir: dirname(path) };
  };
  return {
    name: 'module-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(SRC + sep) || !readFileSync(args.path, 'utf8').includes('import.meta.url')) return undefined;
        const built = join(DIST, relative(SRC, args.path)).replace(/\.ts$/, '.js');
        const fromBundle = relative(dirname(outfile), built).split(sep).join('/');
        return replaced(args.path, 'ts', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
      });
      b.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, async (args) => {
        if (!readFileSync(args.path, 'utf8').includes('import.meta.url')) return undefined;
        return replaced(args.path, 'js', installedUrlCode(args.path));
      });
    },
  };
}

/**
 * `exceljs` resolved to scripts/exceljs-on-demand.cjs, which requires each part of exceljs when it
 * is first used (why and what it saved: that file).
 */
function exceljsOnDemand() {
  return {
    name: 'exceljs-on-demand',
    setup(b) {
      b.onResolve({ filter: /^exceljs$/ }, () => ({ path: join(ROOT, 'scripts', 'exceljs-on-demand.cjs') }));
      // The streaming reader is never used by the bin: left out of the bundle (a third less to
      // parse at start-up), it is still there in node_modules should anything ask for it.
      b.onResolve({ filter: /^exceljs\/lib\/stream\/xlsx\/workbook-reader$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/** Code for the URL of `file`, a module of an installed package, found from the package's entry at run time. */
function installedUrlCode(file) {
  let root = dirname(file);
  while (!existsSync(join(root, 'package.json')) || !JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name) root = dirname(root);
  const name = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name;
  // The package's package.json when it exports it, else its main entry.
  let anchor = `${name}/package.json`;
  let anchorFile;
  try {
    anchorFile = fileURLToPath(import.meta.resolve(anchor));
  } catch {
    anchor = name;
    anchorFile = fileURLToPath(import.meta.resolve(anchor));
  }
  const path = relative(dirname(anchorFile), file).split(sep).join('/');
  return `new URL(${JSON.stringify(path)}, import.meta.resolve(${JSON.stringify(anchor)})).href`;
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
    // Without white space and comments V8 scans less, at load and again for each function
    // compiled lazily: the month's audit below took 4-9% less CPU (medians, best rounds).
    minifyWhitespace: true,
    sourcemap: 'linked',
    sourcesContent: false,
    allowOverwrite: true,
    plugins: [moduleUrls(outfile), exceljsOnDemand()],
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleBin();
