// Builds the two shells from one source:
//  - dist/: the Apps Script project (Cadans.js, appsscript.json), pushed by clasp. esbuild bundles
//    src/apps-script/entry.ts into an IIFE named Cadans; then, because esbuild drops JSDoc and an
//    IIFE hides its functions from Apps Script, a footer declares one top-level function per
//    exported entry point, with that entry point's JSDoc and parameters, calling into the bundle.
//  - dist-local/cli.mjs: the local runner for Node.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entryFile = join(root, 'src/apps-script/entry.ts');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const define = { __CADANS_VERSION__: JSON.stringify(pkg.version) };

/** Exported top-level functions of the entry file: name, parameter names and JSDoc text. */
export function entryPoints(source) {
  const file = ts.createSourceFile(entryFile, source, ts.ScriptTarget.ES2020, true);
  const out = [];
  for (const node of file.statements) {
    if (!ts.isFunctionDeclaration(node) || !node.name) continue;
    if (!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
    const jsdoc = ranges
      .map((r) => source.slice(r.pos, r.end))
      .filter((c) => c.startsWith('/**'))
      .pop();
    out.push({ name: node.name.text, params: node.parameters.map((p) => p.name.getText(file)), jsdoc: jsdoc ?? '' });
  }
  return out;
}

function footer(points) {
  const lines = ['', '// ---- Entry points: top-level functions that Apps Script, menus and Sheets call by name ----', ''];
  for (const { name, params, jsdoc } of points) {
    if (jsdoc) lines.push(jsdoc);
    lines.push(`function ${name}(${params.join(', ')}) {`, `  return Cadans.${name}.apply(this, arguments);`, '}', '');
  }
  return lines.join('\n');
}

await rm(join(root, 'dist'), { recursive: true, force: true });
await mkdir(join(root, 'dist'), { recursive: true });

const bundle = await build({
  entryPoints: [entryFile],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'Cadans',
  platform: 'neutral',
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  define,
  logLevel: 'warning',
});
const points = entryPoints(await readFile(entryFile, 'utf8'));
const header = `// Cadans ${pkg.version}: built by scripts/build.mjs from src/. Do not edit; edit src/ and run npm run build.\n`;
await writeFile(join(root, 'dist/Cadans.js'), header + bundle.outputFiles[0].text + footer(points));
await copyFile(join(root, 'appsscript.json'), join(root, 'dist/appsscript.json'));

// The sidebar: one HTML file with its script inline, as HtmlService.createHtmlOutputFromFile serves it.
const sidebarScript = await build({
  entryPoints: [join(root, 'src/ui/sidebar.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
});
const sidebarHtml = (await readFile(join(root, 'src/ui/sidebar.html'), 'utf8')).replace(
  '/*SIDEBAR_SCRIPT*/',
  () => sidebarScript.outputFiles[0].text.replace(/<\/script/gi, '<\\/script'),
);
await writeFile(join(root, 'dist/Sidebar.html'), sidebarHtml);

await build({
  entryPoints: [join(root, 'src/local/cli.ts')],
  bundle: true,
  outfile: join(root, 'dist-local/cli.mjs'),
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define,
  logLevel: 'warning',
});
console.log(`Built dist/Cadans.js (${points.length} entry points) and dist-local/cli.mjs`);
