// Headless Chromium for the rendering tests: the binary from @sparticuz/chromium (it ships inside the
// npm package, so nothing is downloaded and no system browser is needed), driven by playwright-core.
//
// - The binary is unpacked once into the temp folder. The suite runs in four time-zone projects at
//   the same time, so unpacking is guarded by a lock folder: a half-written binary is never started.
// - Text is rendered with the fonts that come with the package (FONTCONFIG_FILE), so a page looks
//   the same on every machine, also one without any fonts installed.
// - The binary needs libnss3/libnspr4/libexpat. When the machine lacks libnss3 (slim containers),
//   the copies packed in the package (al2023.tar.br) are unpacked and used via LD_LIBRARY_PATH.
//   CADANS_CHROMIUM_BUNDLED_LIBS=1 forces that path.
// Nothing here falls back to another browser: if this Chromium cannot start, the error says why.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import chromium from '@sparticuz/chromium';
import { type Browser, chromium as playwright } from 'playwright-core';

const LOCK = join(tmpdir(), 'cadans-chromium.lock');
const STALE_LOCK_MS = 5 * 60_000;

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Removed by its owner in the meantime.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function hasSystemNss(): boolean {
  if (process.env.CADANS_CHROMIUM_BUNDLED_LIBS === '1') return false;
  try {
    return /\blibnss3\.so\b/.test(execFileSync('ldconfig', ['-p'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/usr/lib64', '/lib64', '/usr/lib/aarch64-linux-gnu'].some((d) => existsSync(join(d, 'libnss3.so')));
  }
}

/** The folder of @sparticuz/chromium (its package.json is not exported, so walk up from its entry). */
function packageFolder(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'));
  while (!existsSync(join(dir, 'bin', 'al2023.tar.br'))) {
    if (dirname(dir) === dir) throw new Error('@sparticuz/chromium: cannot find its bin folder');
    dir = dirname(dir);
  }
  return dir;
}

/** Unpacks one of the package's .tar.br files into `target` (with the system's tar). */
function untar(name: string, target: string): void {
  const packageDir = packageFolder();
  const tarball = join(target, `${name}.tmp-${process.pid}.tar`);
  mkdirSync(target, { recursive: true });
  writeFileSync(tarball, brotliDecompressSync(readFileSync(join(packageDir, 'bin', `${name}.tar.br`))));
  try {
    execFileSync('tar', ['-xf', tarball, '-C', target]);
  } finally {
    rmSync(tarball);
  }
}

/** The package's own copies of libnss3 and friends; returns the folder holding them. */
function bundledLibs(): string {
  const target = join(tmpdir(), 'cadans-chromium-libs');
  if (!existsSync(join(target, 'lib', 'libnss3.so'))) untar('al2023', target);
  return join(target, 'lib');
}

/** A fontconfig file listing only the package's fonts (Open Sans), wherever the temp folder is. */
function bundledFontConfig(): string {
  const fonts = join(tmpdir(), 'fonts');
  // executablePath() unpacks them, except when it finds the binary from an earlier run.
  if (!existsSync(join(fonts, 'fonts'))) untar('fonts', fonts);
  const file = join(tmpdir(), 'cadans-fonts.conf');
  const xml = `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(fonts, 'fonts')}</dir>\n  <cachedir>${join(tmpdir(), 'cadans-fonts-cache')}</cachedir>\n</fontconfig>\n`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== xml) writeFileSync(file, xml);
  return file;
}

export const CHROMIUM_ARGS = [
  ...chromium.args,
  '--no-sandbox',
  // The machine has no network: nothing may try to reach out.
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = await withLock(async () => {
    const path = await chromium.executablePath();
    const extra: Record<string, string> = { FONTCONFIG_FILE: bundledFontConfig(), HOME: process.env.HOME ?? tmpdir() };
    if (!hasSystemNss()) {
      const lib = bundledLibs();
      extra.LD_LIBRARY_PATH = [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    }
    return { executablePath: path, env: extra };
  });
  try {
    return await playwright.launch({ executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...env } as Record<string, string>, timeout: 60_000 });
  } catch (error) {
    throw new Error(`@sparticuz/chromium (${executablePath}) did not start: ${(error as Error).message}`);
  }
}
