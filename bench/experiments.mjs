#!/usr/bin/env node
// Quick experiments behind the fixes suggested in bench/RESULTS.md. Not part of `npm run bench`.
// Each one bundles src/ twice with esbuild, once as it is and once with a small patch applied to
// the source text at bundle time (src/ itself is never changed), and times both the same way.
//
//   node bench/experiments.mjs formula [ROWS]          NEXT_TOUCHPOINT: zip() with isGrid hoisted
//   node bench/experiments.mjs runner WORKBOOK.xlsx    cadans run: cheaper cell attributes, deflate level 1
//   node bench/experiments.mjs xlsxfile WORKBOOK.xlsx  the same, phase by phase inside one process
//   node bench/experiments.mjs engine [N]              planRefresh: the touchpoint column label built once

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules/.cache/cadans-bench');
const [what, arg] = process.argv.slice(2);

/** An esbuild plugin replacing exact text in one source file; fails if the text is not there. */
function patch(file, replacements) {
  return {
    name: 'patch',
    setup(b) {
      b.onLoad({ filter: new RegExp(`${file.replace(/[/.]/g, (c) => `\\${c}`)}$`) }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        for (const [from, to] of replacements) {
          if (!text.includes(from)) throw new Error(`patch: text not found in ${file}: ${from.slice(0, 80)}`);
          text = text.replace(from, to);
        }
        return { contents: text, loader: 'ts' };
      });
    },
  };
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve({ out, ms: performance.now() - t0 }) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

if (what === 'formula') {
  // NEXT_TOUCHPOINT over ROWS x 1 in plain Node (both variants alike), median of 3 after a warm-up.
  const rows = Number(arg ?? 50_000);
  const probe = `
    import { NEXT_TOUCHPOINT } from './src/formulas/formulas';
    import { intlClock } from './src/core/dates';
    import { conventionsFor } from './src/core/locale';
    const ctx = { clock: intlClock('Europe/Amsterdam'), conventions: conventionsFor('nl_NL'), language: 'nl' as const };
    const n = Number(process.argv[2]);
    const dates = Array.from({ length: n }, (_, i) => [i % 100 === 0 ? '3-2-2026' : i % 211 === 0 ? '' : new Date(Date.UTC(2026, 0, 1 + (i % 400)) - 3600000)]);
    const tiers = Array.from({ length: n }, (_, i) => [i % 97 === 0 ? 'a-klant' : 'ABC'[i % 3]]);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      NEXT_TOUCHPOINT(ctx, dates, tiers);
      if (i > 0) times.push(performance.now() - t0);
    }
    console.log(JSON.stringify(times));
  `;
  const fixed = [
    [
      `  const shape = (isGrid(a) ? a : b) as Grid;\n  return shape.map((row, i) =>\n    row.map((_, j) => fn(isGrid(a) ? a[i][j] : a, isGrid(b) ? b[i][j] : b)),\n  );`,
      `  const gridA = isGrid(a);\n  const gridB = isGrid(b);\n  const shape = (gridA ? a : b) as Grid;\n  return shape.map((row, i) => row.map((_, j) => fn(gridA ? (a as Grid)[i][j] : a, gridB ? (b as Grid)[i][j] : b)));`,
    ],
  ];
  await mkdir(cache, { recursive: true });
  for (const [name, plugins] of [['as is', []], ['isGrid hoisted out of the per-cell callback', [patch('src/formulas/formulas.ts', fixed)]]]) {
    const outfile = join(cache, `formula-${name === 'as is' ? 'asis' : 'fixed'}.mjs`);
    await build({ stdin: { contents: probe, resolveDir: root, loader: 'ts' }, bundle: true, outfile, format: 'esm', platform: 'node', target: 'node20', plugins, logLevel: 'warning' });
    const { out } = await run(process.execPath, [outfile, String(rows)]);
    const times = JSON.parse(out.trim().split('\n').pop());
    console.log(`NEXT_TOUCHPOINT ${rows.toLocaleString('en-US')}x1, ${name}: median ${median(times).toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')})`);
  }
} else if (what === 'runner') {
  // cadans run on WORKBOOK, as built by scripts/build.mjs and with patches, 3 runs each.
  if (!arg) throw new Error('usage: node bench/experiments.mjs runner WORKBOOK.xlsx');
  const cheapAttributes = [
    [`    const a = attributes(attrs);\n    const type = a.t ?? 'n';`, `    const type = /\\bt="([^"]*)"/.exec(attrs)?.[1] ?? 'n';\n    const style = /\\bs="(\\d+)"/.exec(attrs)?.[1];`],
    [`if (a.s !== undefined && this.file.isDateStyle(Number(a.s)))`, `if (style !== undefined && this.file.isDateStyle(Number(style)))`],
  ];
  const level1 = [[`compressionOptions: { level: 6 }`, `compressionOptions: { level: 1 }`]];
  const variants = [
    ['as is', []],
    ['cell attributes read with two targeted regexes', cheapAttributes],
    ['... and deflate level 1 for the rewritten parts', [...cheapAttributes, ...level1]],
  ];
  const define = { __CADANS_VERSION__: JSON.stringify('bench') };
  for (const [name, replacements] of variants) {
    const outfile = join(cache, `cli-${variants.findIndex((v) => v[0] === name)}.mjs`);
    const plugins = replacements.length ? [patch('src/local/xlsx-file.ts', replacements)] : [];
    await build({
      stdin: { contents: `import { main } from './src/local/cli';\nawait main(process.argv.slice(2));`, resolveDir: root, loader: 'ts' },
      bundle: true, outfile, format: 'esm', platform: 'node', target: 'node20', packages: 'external', define, plugins, logLevel: 'warning',
    });
    const times = [];
    const out = join(os.tmpdir(), 'cadans-bench', `exp-out-${process.pid}`);
    let size = 0;
    for (let i = 0; i < 3; i++) {
      await rm(out, { recursive: true, force: true });
      const { ms } = await run(process.execPath, [outfile, 'run', '--workbook', arg, '--today', '2026-11-24', '--out', out]);
      size = readFileSync(join(out, arg.split('/').pop())).length;
      times.push(ms);
    }
    await rm(out, { recursive: true, force: true });
    console.log(`cadans run, ${name}: median ${(median(times) / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(', ')}); output ${(size / 2 ** 20).toFixed(1)} MB`);
  }
} else if (what === 'engine') {
  // The engine bench (bench/main.ts engine N) with planRefresh's touchpoint loop building the
  // Relatie-ID column label once instead of once per touchpoint.
  const n = Number(arg ?? 50_000);
  const hoist = [
    [
      `      const label = relCol === undefined ? null : columnLabel(touchpoints.header[relCol], relCol);\n`,
      ``,
    ],
    [
      `    const relCol = touchpoints.columns.index.get('relationId');\n`,
      `    const relCol = touchpoints.columns.index.get('relationId');\n    const label = relCol === undefined ? null : columnLabel(touchpoints.header[relCol], relCol);\n`,
    ],
  ];
  const define = { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'test/apps-script/harness.ts')).href) };
  for (const [i, [name, plugins]] of [['as is', []], ['column label hoisted out of the touchpoint loop', [patch('src/engine/refresh.ts', hoist)]]].entries()) {
    const outfile = join(cache, `engine-${i}.mjs`);
    await build({ entryPoints: [join(root, 'bench/main.ts')], bundle: true, outfile, format: 'esm', platform: 'node', target: 'node20', packages: 'external', define, plugins, logLevel: 'warning' });
    const { out } = await run(process.execPath, ['--expose-gc', outfile, 'engine', String(n)]);
    const r = JSON.parse(out.trim().split('\n').pop()).result;
    console.log(`engine ${n.toLocaleString('en-US')}, ${name}: computeRefresh ${r.ms.compute.toFixed(0)} ms, daily job ${r.ms.daily.toFixed(0)} ms (runs ${r.samples.daily.map((t) => t.toFixed(0)).join(', ')})`);
  }
} else if (what === 'xlsxfile') {
  // The local runner's .xlsx port alone, in one process, phase by phase: open (unzip), readAll of
  // Relaties and Touchpoints, writing the three computed columns, save (zip). Median of 3.
  if (!arg) throw new Error('usage: node bench/experiments.mjs xlsxfile WORKBOOK.xlsx');
  const probe = `
    import { XlsxFile } from './src/local/xlsx-file';
    const path = process.argv[2];
    const out = process.argv[3];
    const phases: Record<string, number[]> = { open: [], 'read Relaties': [], 'read Touchpoints': [], 'write 3 columns': [], save: [] };
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      const lap = (k: string) => { const now = performance.now(); phases[k].push(now - t); t = now; };
      const file = await XlsxFile.open(path);
      lap('open');
      const rel = file.sheet('Relaties').readAll();
      lap('read Relaties');
      file.sheet('Touchpoints').readAll();
      lap('read Touchpoints');
      const day = new Date(Date.UTC(2026, 11, 1));
      file.sheet('Relaties').write(2, 15, rel.slice(1).map(() => [day, 'te laat', 3]));
      lap('write 3 columns');
      await file.save(out);
      lap('save');
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[1];
    console.log(JSON.stringify(Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)]))));
  `;
  const cheapAttributes = [
    [`    const a = attributes(attrs);\n    const type = a.t ?? 'n';`, `    const type = /\\bt="([^"]*)"/.exec(attrs)?.[1] ?? 'n';\n    const style = /\\bs="(\\d+)"/.exec(attrs)?.[1];`],
    [`if (a.s !== undefined && this.file.isDateStyle(Number(a.s)))`, `if (style !== undefined && this.file.isDateStyle(Number(style)))`],
  ];
  const level1 = [[`compressionOptions: { level: 6 }`, `compressionOptions: { level: 1 }`]];
  const variants = [
    ['as is', []],
    ['cell attributes read with two targeted regexes', cheapAttributes],
    ['... and deflate level 1', [...cheapAttributes, ...level1]],
  ];
  const out = join(os.tmpdir(), 'cadans-bench', `exp-${process.pid}.xlsx`);
  for (const [i, [name, replacements]] of variants.entries()) {
    const outfile = join(cache, `xlsxfile-${i}.mjs`);
    const plugins = replacements.length ? [patch('src/local/xlsx-file.ts', replacements)] : [];
    await build({ stdin: { contents: probe, resolveDir: root, loader: 'ts' }, bundle: true, outfile, format: 'esm', platform: 'node', target: 'node20', packages: 'external', plugins, logLevel: 'warning' });
    const { out: text } = await run(process.execPath, [outfile, arg, out]);
    const phases = JSON.parse(text.trim().split('\n').pop());
    console.log(`XlsxFile, ${name}: ${Object.entries(phases).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`).join(', ')}`);
  }
  await rm(out, { force: true });
} else {
  console.error('usage: node bench/experiments.mjs formula [ROWS] | runner WORKBOOK.xlsx | xlsxfile WORKBOOK.xlsx | engine [N]');
  process.exit(2);
}
