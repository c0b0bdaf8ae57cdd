#!/usr/bin/env node
// `npm run bench`: Cadans at the size of a large agency (issue 6).
//
// Bundles bench/main.ts (TypeScript that imports src/ and the Apps Script test harness) with
// esbuild into node_modules/.cache/cadans-bench/, then runs every measurement in a child process
// of its own, so that each size's peak memory is its own:
//   - the engine per phase and the full daily job on an in-memory port, for 1,000, 10,000 and
//     50,000 relationships with 10 touchpoints each (median of 3 after one warm-up);
//   - the Apps Script service calls of one dailyRun through the vm harness on dist/Cadans.js,
//     next to what a per-cell script would need for the same work;
//   - NEXT_TOUCHPOINT over a 50,000 x 1 range through the same harness (median of 3);
//   - the local runner end to end on a real 50,000-relationship .xlsx (median of 3), once writing
//     the digests as .eml files and once sending them with --smtp to a loopback SMTP server
//     (smtp-server, in this process).
// Prints a table and writes it, with the machine and the date, to bench/RESULTS.md. Exits 1 when
// a target is missed or a measurement failed.
//
//   node bench/run.mjs [--sizes 1000,10000,50000] [--fresh] [--no-runner] [--no-results]
//
// Generated workbooks go to the OS temp folder (os.tmpdir()/cadans-bench), never into the repo;
// the .xlsx is kept there between runs (keyed by the generator's source) since writing it is
// not part of any measure.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { SMTPServer } from 'smtp-server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    fresh: { type: 'boolean', default: false },
    'no-runner': { type: 'boolean', default: false },
    'no-results': { type: 'boolean', default: false },
  },
});
const SIZES = options.sizes.split(',').map(Number);
const BIG = Math.max(...SIZES);
const FORMULA_ROWS = 50_000;
const RUNNER_RUNS = 3;
const CHILD_TIMEOUT_MS = 10 * 60 * 1000;
const TARGETS = { dailyMs: 3000, formulaMs: 500, runnerMs: 30_000 };
const work = join(os.tmpdir(), 'cadans-bench');
const started = performance.now();
const loadAtStart = os.loadavg();

// ---- Building the bench code -------------------------------------------------------------------

for (const built of ['dist/Cadans.js', 'dist-local/cli.mjs']) {
  if (!existsSync(join(root, built))) {
    console.error(`bench: ${built} is missing; run \`npm run bench\` (which builds first) or \`npm run build\`.`);
    process.exit(2);
  }
}
const bundle = join(root, 'node_modules/.cache/cadans-bench/main.mjs');
await build({
  entryPoints: [join(root, 'bench/main.ts')],
  bundle: true,
  outfile: bundle,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // The harness finds dist/ relative to its own file; the bundle lives elsewhere.
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'test/apps-script/harness.ts')).href) },
  logLevel: 'warning',
});

// ---- Child processes ---------------------------------------------------------------------------

/** Runs a command, collecting stdout; stderr passes through. Kills only its own child on timeout. */
function runChild(command, args, { timeoutMs = CHILD_TIMEOUT_MS, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: no result after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-4000)}`));
      else resolve({ stdout, stderr, ms });
    });
  });
}

/** One measurement in a fresh Node process; its last stdout line is JSON. */
async function measure(...args) {
  process.stderr.write(`bench: ${args.join(' ')} ...`);
  const t0 = performance.now();
  try {
    const { stdout } = await runChild(process.execPath, ['--expose-gc', '--max-old-space-size=8192', bundle, ...args.map(String)]);
    const line = stdout.trim().split('\n').pop();
    const parsed = JSON.parse(line);
    process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    return parsed;
  } catch (error) {
    process.stderr.write(` FAILED\n${error.message}\n`);
    return { error: error.message };
  }
}

// ---- The measurements --------------------------------------------------------------------------

const engine = {};
for (const n of SIZES) engine[n] = await measure('engine', n);
const calls = {};
for (const n of SIZES) calls[n] = await measure('calls', n);
const formula = await measure('formula', FORMULA_ROWS);

let runner = null;
let runnerSmtp = null;
if (!options['no-runner']) {
  runner = await localRunner(BIG);
  if (!runner.error) runnerSmtp = await withSmtpServer((url, received) => localRunner(BIG, url, received));
}

/** A plain SMTP server on loopback that accepts every message; counts what it received. */
async function withSmtpServer(work) {
  const received = { count: 0 };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received.count++;
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await work(`smtp://127.0.0.1:${server.server.address().port}`, received);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function localRunner(n, smtp = null, received = null) {
  await mkdir(work, { recursive: true });
  const key = createHash('sha1')
    .update(['bench/generate.ts', 'bench/xlsx.ts'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n'))
    .digest('hex')
    .slice(0, 10);
  const workbook = join(work, `relaties-${n}-${key}.xlsx`);
  let generated = null;
  if (options.fresh || !existsSync(workbook)) {
    // Workbooks of an older generator are of no further use.
    for (const old of await readdir(work)) if (old.startsWith(`relaties-${n}-`) && old.endsWith('.xlsx')) await rm(join(work, old), { force: true });
    generated = await measure('xlsx', workbook, n);
    if (generated.error) return { error: generated.error };
  } else {
    process.stderr.write(`bench: reusing ${workbook}\n`);
  }
  const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const samples = [];
  let summary = '';
  for (let i = 0; i < RUNNER_RUNS; i++) {
    const out = join(work, `out-${process.pid}`);
    await rm(out, { recursive: true, force: true });
    const rss = join(work, `rss-${process.pid}.txt`);
    const cli = [join(root, 'bin/cadans.mjs'), 'run', '--workbook', workbook, '--today', '2026-11-24', '--out', out, ...(smtp ? ['--smtp', smtp] : [])];
    const [command, args] = timeTool ? [timeTool, ['-f', '%M', '-o', rss, process.execPath, ...cli]] : [process.execPath, cli];
    process.stderr.write(`bench: cadans run${smtp ? ' --smtp' : ''} on ${n.toLocaleString('en-US')} relationships (${i + 1}/${RUNNER_RUNS}) ...`);
    try {
      // runChild waits with a promise, so the SMTP server in this process answers meanwhile.
      const { stdout, ms } = await runChild(command, args);
      const maxRssMB = timeTool ? Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) / 1024 : null;
      samples.push({ ms, maxRssMB });
      summary = stdout;
      process.stderr.write(` ${(ms / 1000).toFixed(1)} s\n`);
    } catch (error) {
      process.stderr.write(` FAILED\n${error.message}\n`);
      return { error: error.message, workbook };
    } finally {
      await rm(out, { recursive: true, force: true });
      await rm(rss, { force: true });
    }
  }
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)];
  const mails = /(\d+) ochtendmails verstuurd/.exec(summary)?.[1] ?? null;
  const relations = /Relaties: (\d+)/.exec(summary)?.[1] ?? null;
  return { ms: median.ms, maxRssMB: Math.max(...samples.map((s) => s.maxRssMB ?? 0)) || null, samples: samples.map((s) => s.ms), workbook, generated, mails, relations, received: received?.count ?? null };
}

// ---- The table ---------------------------------------------------------------------------------

const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const cell = (result, f) => (!result ? '' : result.error ? 'error' : f(result.result ?? result));
const verdicts = [];
function verdict(ok, what) {
  if (ok === null) return 'n/a';
  verdicts.push({ ok, what });
  return ok ? 'PASS' : 'FAIL';
}

/** What the common per-cell reminder script needs for the same work, per its formula in RESULTS.md. */
const RELATION_INPUT_COLUMNS = 10;
const TOUCHPOINT_INPUT_COLUMNS = 2;
const COMPUTED_COLUMNS = 3;
function perCell(r) {
  const R = r.relations;
  const T = r.touchpoints;
  const D = r.digestItems;
  return 2 * (RELATION_INPUT_COLUMNS * R + TOUCHPOINT_INPUT_COLUMNS * T) + 2 * COMPUTED_COLUMNS * R + 2 * D + 6;
}

const big = engine[BIG];
const dailyOk = big?.result ? big.result.ms.daily < TARGETS.dailyMs : false;
const callResults = SIZES.map((n) => calls[n]?.result).filter(Boolean);
// A write that outgrows a tab's grid adds one insertRowsAfter/insertColumnsAfter (issue 9: a new
// tab is 1000 x 26); apart from those, the calls must be identical at every size, and the growth
// at most one per tab the run writes (Relaties, Instellingen, KPI, Risico, Log).
const GROWTH = ['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter'];
const withoutGrowth = (byMethod) => JSON.stringify(Object.fromEntries(Object.entries(byMethod).filter(([m]) => !GROWTH.includes(m))));
const growth = (byMethod) => GROWTH.reduce((n, m) => n + (byMethod[m] ?? 0), 0);
const sameCalls =
  callResults.length === SIZES.length &&
  callResults.every((r) => withoutGrowth(r.byMethod) === withoutGrowth(callResults[0].byMethod) && growth(r.byMethod) <= 5);
const formulaOk = formula.result ? formula.result.ms < TARGETS.formulaMs : false;
const runnerOk = runner && !runner.error ? runner.ms < TARGETS.runnerMs : runner ? false : null;
// Issue 10: sending through SMTP costs at most half again the run without it (no workbook rewrite per mail).
const smtpOk = runnerSmtp && !runnerSmtp.error && runner && !runner.error ? runnerSmtp.ms < 1.5 * runner.ms && runnerSmtp.received === 25 * RUNNER_RUNS && runnerSmtp.mails === '25' : runnerSmtp ? false : null;

const head = ['measure', ...SIZES.map((n) => `${fmtInt(n)} rel. / ${fmtInt(n * 10)} tp.`), 'target', 'verdict'];
const rows = [];
const row = (label, f, target = '', v = '') => rows.push([label, ...SIZES.map(f), target, v]);
const only = (n, text) => (n === BIG ? text : '—');

row('engine: read/parse (Instellingen, Relaties, Touchpoints)', (n) => cell(engine[n], (r) => fmtMs(r.ms.read)));
row('engine: cadence (every outcome)', (n) => cell(engine[n], (r) => fmtMs(r.ms.cadence)));
row('engine: KPI and Risico tabs (built together)', (n) => cell(engine[n], (r) => fmtMs(r.ms.reports)));
row('engine: risk figures alone (shares, HHI, stress, scorecard)', (n) => cell(engine[n], (r) => fmtMs(r.ms.risk)));
row('engine: week plan alone (every owner, 4-week horizon)', (n) => cell(engine[n], (r) => `${fmtMs(r.ms.plan)} (${fmtInt(r.check.planned)} planned)`), `< 0.3 s at ${fmtInt(BIG)}`, verdict(big?.result ? big.result.ms.plan < 300 : false, 'week plan'));
row('engine: digests (plan + compose every digest)', (n) => cell(engine[n], (r) => fmtMs(r.ms.digests)));
row('engine: full daily job (refresh with writes, digests, no-op delivery, Log)', (n) => cell(engine[n], (r) => fmtMs(r.ms.daily)), `< 3 s at ${fmtInt(BIG)}`, verdict(dailyOk, 'daily job'));
row('peak memory, engine process (max RSS)', (n) => cell(engine[n], (r) => `${fmtInt(r.memory.maxRssMB)} MB`));
row('Apps Script service calls, one dailyRun (vm harness)', (n) => cell(calls[n], (r) => fmtInt(r.total)), 'same at every size (but for at most one grid growth per tab written)', verdict(sameCalls, 'service calls'));
row('per-cell script, same work (estimate, formula below)', (n) => cell(calls[n], (r) => fmtInt(perCell(r))));
row('ratio per-cell / Cadans', (n) => cell(calls[n], (r) => `${fmtInt(perCell(r) / r.total)}×`));
row(`NEXT_TOUCHPOINT, ${fmtInt(FORMULA_ROWS)}×1 range (vm harness)`, (n) => only(n, cell(formula, (r) => fmtMs(r.ms))), '< 0.5 s', verdict(formula.result ? formulaOk : false, 'NEXT_TOUCHPOINT'));
row(
  `local runner end to end (cadans run on the ${fmtInt(BIG)} .xlsx)`,
  (n) => only(n, runner ? (runner.error ? 'error' : fmtMs(runner.ms)) : 'skipped'),
  '< 30 s',
  runner ? verdict(runnerOk, 'local runner') : 'n/a',
);
row('peak memory, local runner (max RSS)', (n) => only(n, runner && !runner.error && runner.maxRssMB ? `${fmtInt(runner.maxRssMB)} MB` : '—'));
row(
  `local runner with --smtp (25 mails to a loopback SMTP server)`,
  (n) => only(n, runnerSmtp ? (runnerSmtp.error ? 'error' : fmtMs(runnerSmtp.ms)) : 'skipped'),
  '< 1.5 × without',
  runnerSmtp ? verdict(smtpOk, 'local runner with --smtp') : 'n/a',
);
row('peak memory, local runner with --smtp (max RSS)', (n) => only(n, runnerSmtp && !runnerSmtp.error && runnerSmtp.maxRssMB ? `${fmtInt(runnerSmtp.maxRssMB)} MB` : '—'));

function markdownTable(header, body) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
const table = markdownTable(head, rows);

// Details: what each run found (so a fast wrong answer shows), and the calls by method.
const details = [];
details.push(
  markdownTable(
    ['check', ...SIZES.map(fmtInt)],
    [
      ['messy cells in the workbook', ...SIZES.map((n) => cell(engine[n], (r) => fmtInt(Object.values(r.stats.messy).reduce((a, b) => a + b, 0))))],
      ['relationships with an outcome', ...SIZES.map((n) => cell(engine[n], (r) => fmtInt(r.check.outcomes)))],
      ['problems reported', ...SIZES.map((n) => cell(engine[n], (r) => fmtInt(r.check.problems)))],
      ['overdue / due soon / on track / inactive / never', ...SIZES.map((n) => cell(engine[n], (r) => ['overdue', 'dueSoon', 'onTrack', 'inactive', 'never'].map((k) => fmtInt(r.daily.counts[k])).join(' / ')))],
      ['digests composed / relationships in them', ...SIZES.map((n) => cell(engine[n], (r) => `${r.check.digests} / ${fmtInt(r.check.items)}`))],
      ['digest HTML + text composed', ...SIZES.map((n) => cell(engine[n], (r) => `${(r.check.bytes / 2 ** 20).toFixed(1)} MB`))],
      ['engine: computeRefresh (read + parse + cadence, the engine\'s own entry)', ...SIZES.map((n) => cell(engine[n], (r) => fmtMs(r.ms.compute)))],
      ['engine: daily job, the 3 timed runs', ...SIZES.map((n) => cell(engine[n], (r) => r.samples.daily.map(fmtMs).join(', ')))],
      ['vm dailyRun: mails sent / relationships in them', ...SIZES.map((n) => cell(calls[n], (r) => `${r.mails} / ${fmtInt(r.digestItems)}`))],
      ['vm dailyRun: rows with computed columns written', ...SIZES.map((n) => cell(calls[n], (r) => fmtInt(r.computedRows)))],
      ['vm dailyRun: wall time in the harness (fakes included; information only)', ...SIZES.map((n) => cell(calls[n], (r) => fmtMs(r.ms)))],
      ['peak memory, vm dailyRun process (max RSS)', ...SIZES.map((n) => cell(calls[n], (r) => `${fmtInt(r.memory?.maxRssMB ?? calls[n].memory.maxRssMB)} MB`))],
    ],
  ),
);
const methods = [...new Set(callResults.flatMap((r) => Object.keys(r.byMethod)))].sort();
const byMethodTable = markdownTable(
  ['service call (one dailyRun)', ...SIZES.map(fmtInt)],
  methods.map((m) => [m, ...SIZES.map((n) => cell(calls[n], (r) => String(r.byMethod[m] ?? 0)))]),
);

// ---- Output ------------------------------------------------------------------------------------

const cpu = (() => {
  try {
    return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model;
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
})();
const nproc = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const commit = await runChild('git', ['rev-parse', '--short', 'HEAD']).then((r) => r.stdout.trim(), () => 'unknown');
const dirty = await runChild('git', ['status', '--porcelain', '--', 'src', 'sheets-templates']).then((r) => (r.stdout.trim() ? ' (src/ with uncommitted changes)' : ''), () => '');
const machine = [
  `- Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
  `- Machine: ${nproc} cores (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}`,
  `- Node ${process.version}; Cadans ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version} at commit ${commit}${dirty}`,
  `- Whole benchmark: ${((performance.now() - started) / 60_000).toFixed(1)} min; load average (1 min) ${loadAtStart[0].toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end${Math.max(loadAtStart[0], os.loadavg()[0]) > nproc * 0.75 ? ' (other processes were competing for the cores: the times are on the pessimistic side)' : ''}`,
].join('\n');

const failed = verdicts.filter((v) => !v.ok).map((v) => v.what);
const errors = [...Object.values(engine), ...Object.values(calls), formula, runner, runnerSmtp].filter((r) => r && r.error);

console.log('');
console.log(table);
console.log('');
console.log(details[0]);
console.log('');
console.log(machine);
console.log(failed.length ? `\nTargets missed: ${failed.join(', ')}` : '\nAll targets met.');

const generatedNote = runner?.generated?.result ? ` (generated in ${fmtMs(runner.generated.result.ms)}, not part of the measure)` : ' (generated by an earlier run and reused; generation is not part of the measure)';
const results = `# Cadans benchmark

\`npm run bench\` (bench/run.mjs). Synthetic agency workbooks: N relationships with 10 touchpoints
each, 25 owners on one team domain (\`@bureau-lindeboom.nl\`), about 1% messy cells (text dates as
\`3-2-2026\`, \`2026-02-03\`, \`3 februari 2026\`, \`Feb 3, 2026\`, \`03/02/2026\` and with a time;
amounts as \`€ 12.500,00\`, \`12.500,-\`, \`EUR 12,500.00\`; tiers as \`a-klant\`, \` b \`, \`Tier C\`;
blank tiers, owners and dates; invalid dates, tiers and amounts such as \`vorige week\`,
\`31-2-2026\`, \`#N/A\`, \`D\`, \`veel\`); 2% new relationships never contacted (blank Last contact,
only planned touchpoints), 4% with a blank Last contact but logged touchpoints; touchpoints logged
in time order with 1% text dates, 0.1% for unknown IDs and 0.5% planned ahead. Today is Tuesday 24-11-2026, a send day. The generator is
seeded, so every run measures the same workbooks.

${machine}

${table}

Targets (issue 6): the full daily job on ${fmtInt(BIG)} relationships and ${fmtInt(BIG * 10)} touchpoints under 3 s of engine
time; service calls the same at every size; NEXT_TOUCHPOINT over ${fmtInt(FORMULA_ROWS)} rows under 0.5 s; the local runner on
the ${fmtInt(BIG)} workbook under 30 s; (issue 10) the same run with \`--smtp\` to a loopback server within 1.5 times the run without it. ${failed.length ? `**Missed: ${failed.join(', ')}.**` : 'All met.'}${errors.length ? ` **${errors.length} measurement(s) failed; see the output.**` : ''}

## What each figure is

- **Engine phases** run on an array-backed WorkbookPort (bench/memory-port.ts; \`readAll\` hands out
  a fresh copy, like \`getValues\`), in Node, median of 3 runs after one warm-up, each run on an
  untouched copy of the workbook. The engine has no separate entry point per phase, so the phases
  call the functions the engine uses, in its order (bench/engine.ts): *read/parse* is
  \`loadSettings\` + \`tableOf\`/\`readRelations\` + \`tableOf\`/\`readTouchpoints\`; *cadence* is the
  ID index, the newest touchpoint per relationship and \`cadenceOf\` for every relationship, with the
  same problems reported; *digests* is the candidates, \`planDigests\` and \`composeDigest\` for every
  digest. **KPI and Risico** are timed as \`buildReportTabs\` over the refresh's records (both tabs
  with their charts' data), and the risk figures alone as \`riskReport\`. The **full daily job** is
  \`planReminders(…, write = true)\` (refresh with its column and Log writes, send-day check, team,
  Log lookup, every digest composed), the delivery generator answered by a no-op sink, and the closing
  Log lines: the whole job on the port, end to end.
- **Peak memory** is the child process's \`process.resourceUsage().maxRSS\`; it includes the synthetic
  workbook held in memory and the four timed passes.
- **Service calls** are every call into a fake Apps Script service during one \`dailyRun\` of the
  built bundle \`dist/Cadans.js\`, run as the daily trigger runs it (no UI) in the vm harness
  (test/apps-script/harness.ts), on the same workbook, with "now" pinned to 24-11-2026 07:00 in
  Amsterdam. They depend on the number of tabs and of team members who get a digest (25 here: per
  digest one quota check, one \`sendEmail\` and one Log append of 3 calls), never on the number of rows.
- **Per-cell script estimate**: the common reminder script reads every input cell with
  \`sheet.getRange(i, c).getValue()\` and writes every computed cell with
  \`sheet.getRange(i, c).setValue(v)\` (2 calls per cell), and sends one mail and appends one Log row
  per relationship due. For the same work:

  calls = 2 × (${RELATION_INPUT_COLUMNS} × R + ${TOUCHPOINT_INPUT_COLUMNS} × T) + 2 × ${COMPUTED_COLUMNS} × R + 2 × D + 6

  with R relationships, T touchpoint rows, D relationships due in today's digests (as counted by the
  vm run); ${RELATION_INPUT_COLUMNS} Relaties columns the job needs (ID, Naam, Type, Organisatie, E-mail, Eigenaar, Tier,
  Laatste contact, Actief, Uitstellen tot), ${TOUCHPOINT_INPUT_COLUMNS} Touchpoints columns (Datum, Relatie-ID), ${COMPUTED_COLUMNS} computed columns
  (Volgend contact, Status, Dagen te laat); 6 for the spreadsheet, three tabs and two last rows.
  This is a floor: it leaves out the settings, the Log lookup of what was already sent, and reading
  the columns Cadans also checks (Jaaromzet, Plaatsingen, Referrals).
- **NEXT_TOUCHPOINT** is one call of the bundle's custom function with a ${fmtInt(FORMULA_ROWS)}×1 range of last-contact
  dates and a ${fmtInt(FORMULA_ROWS)}×1 range of tiers, both arrays of the script's realm as Sheets passes them, in
  custom-function mode; median of 3 after one warm-up. The ranges are column H and G of the
  ${fmtInt(FORMULA_ROWS)}-relationship workbook, messy cells included (text dates, \`a-klant\`, blanks), except the
  invalid ones, which would make the formula return its error (that is its contract).
- **Local runner** is \`node bin/cadans.mjs run --workbook relaties.xlsx --today 2026-11-24 --out DIR\`
  as a child process, wall time from spawn to exit (Node start-up, reading the .xlsx, the daily
  job, 25 .eml files, writing the .xlsx), median of ${RUNNER_RUNS}. The workbook is the template Cadans
  writes itself (\`setupWorkbook\` on an empty ExcelJS workbook) filled with the ${fmtInt(BIG)}-relationship rows and
  ${fmtInt(BIG * 10)} touchpoints, written with ExcelJS to the OS temp folder${generatedNote}. Peak memory from
  \`/usr/bin/time -f %M\`.
- **Local runner with --smtp** is the same run with \`--smtp smtp://127.0.0.1:PORT\`: the 25 digests go to
  a loopback SMTP server (smtp-server, accepting every message) instead of .eml files, each recorded in
  the run's journal (flushed to disk) before the next is sent; the workbook is written once, at the end.

## Details

${details[0]}

Service calls by method (identical at every size but for grid growth ${sameCalls ? '— checked' : '— **not** identical'}):

${byMethodTable}

Tools for finding hot spots: \`node bench/profile-summary.mjs FILE.cpuprofile\` summarises a V8 profile (from
\`node --cpu-prof\`, or from the bench bundle's \`profile N FILE\` command: one daily job under the
profiler); \`node bench/experiments.mjs formula|runner\` times src/ as it is against small patches
applied at bundle time.
${runner && !runner.error ? `\nLocal runner, the ${RUNNER_RUNS} runs: ${runner.samples.map(fmtMs).join(', ')}; it reported ${runner.relations ?? '?'} relationships and ${runner.mails ?? '?'} morning mails.\n` : ''}${runnerSmtp && !runnerSmtp.error ? `\nLocal runner with --smtp, the ${RUNNER_RUNS} runs: ${runnerSmtp.samples.map(fmtMs).join(', ')}; it reported ${runnerSmtp.mails ?? '?'} morning mails sent, and the server received ${runnerSmtp.received} in all.\n` : ''}${formula.result ? `\nNEXT_TOUCHPOINT, the 3 timed calls: ${formula.result.samples.map(fmtMs).join(', ')}; ${fmtInt(formula.result.filled)} of ${fmtInt(formula.result.size)} rows got a date (the rest are blank inputs).\n` : ''}`;

if (!options['no-results']) {
  await writeFile(join(root, 'bench/RESULTS.md'), results);
  console.log(`\nWritten: bench/RESULTS.md`);
}
process.exitCode = failed.length || errors.length ? 1 : 0;
