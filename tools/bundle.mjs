// The worksheets plugin's script and stylesheet as `mkdocs build` publishes them:
// bundled and minified by esbuild into plugins/worksheets/bundle/ (committed, so
// building the site needs no Node.js). `make bundle` runs it after any change to
// plugins/worksheets/assets/; a test rebuilds it and fails while the copy is stale.
//
//   node tools/bundle.mjs [folder]     (default: plugins/worksheets/bundle)
//
// The page's two scripts stay `index.js` and `offline.js`, its stylesheet
// `worksheets.css`. Modules loaded with `import()` (the comparison, exports, imports,
// share links, pdf.js's loader) become files of their own, and code two of them share
// goes into a chunk: each is fetched only when first used, and never twice.
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sources = join(root, "plugins", "worksheets", "assets");
const folder = resolve(process.argv[2] ?? join(root, "plugins", "worksheets", "bundle"));

rmSync(folder, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root, // file names hashed alike wherever the clone is
  entryPoints: ["index.js", "offline.js", "worksheets.css"].map((name) => join(sources, name)),
  outdir: folder,
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  // The language level the sources are checked against (tsconfig.json).
  target: "es2020",
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
});
