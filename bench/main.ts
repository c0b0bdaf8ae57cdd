// The benchmark's child process: bench/run.mjs bundles this file and runs one measurement per
// process, so that each size's peak memory is its own. Prints one JSON line as its last line.
//
//   engine N          engine phases and the daily job on the in-memory port
//   calls N           service calls of one dailyRun through the vm harness
//   formula N         NEXT_TOUCHPOINT over an N x 1 range through the vm harness
//   profile N FILE    one daily job under the V8 profiler, written to FILE (.cpuprofile)
//   xlsx PATH N       writes the N-relationship workbook as .xlsx (not timed as part of anything)

import { nextTouchpointBench, serviceCalls } from './apps-script';
import { engineBench, profileDailyJob } from './engine';
import { writeBigWorkbook } from './xlsx';

async function main(argv: string[]): Promise<unknown> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'engine':
      return engineBench(Number(rest[0]));
    case 'calls':
      return serviceCalls(Number(rest[0]));
    case 'formula':
      return nextTouchpointBench(Number(rest[0]));
    case 'profile':
      return profileDailyJob(Number(rest[0]), rest[1]);
    case 'xlsx':
      return writeBigWorkbook(rest[0], Number(rest[1]));
    default:
      throw new Error(`unknown bench command ${command}`);
  }
}

const result = await main(process.argv.slice(2));
const memory = { maxRssMB: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`\n${JSON.stringify({ result, memory })}\n`);
