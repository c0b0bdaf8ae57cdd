import { defineConfig } from 'vitest/config';

// The whole suite runs once per machine time zone: a date rule that leans on the machine's zone
// fails in at least one of these (Auckland is ahead of UTC across midnight, Los Angeles behind).
export const MACHINE_TIME_ZONES = ['UTC', 'Europe/Amsterdam', 'America/Los_Angeles', 'Pacific/Auckland'];

export default defineConfig({
  test: {
    projects: MACHINE_TIME_ZONES.map((tz) => ({
      extends: true,
      test: { name: tz, env: { TZ: tz }, include: ['test/**/*.test.ts'] },
    })),
    testTimeout: 30_000,
  },
});
