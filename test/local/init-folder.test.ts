// Issue 25: `cadans init` onto a folder says to give the workbook's name (init takes no --out).

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';

const NOW = new Date(Date.UTC(2026, 10, 24, 7));

describe('cadans init onto a folder', () => {
  it('names the folder and shows a workbook name to give instead, in Dutch and English, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-initdir-'));
    await expect(run(['init', dir], () => {}, NOW, { language: 'nl' })).rejects.toThrow(
      `Kan ${dir} niet schrijven: dat is een map; geef de naam van het nieuwe werkboek, bijvoorbeeld cadans init ${join(dir, 'relaties.xlsx')}`,
    );
    await expect(run(['init', dir], () => {}, NOW, { language: 'en' })).rejects.toThrow(
      `Cannot write ${dir}: it is a folder; give the name of the new workbook, e.g. cadans init ${join(dir, 'relaties.xlsx')}`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
