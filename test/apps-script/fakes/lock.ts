// LockService.getScriptLock(), after developers.google.com/apps-script/reference/lock: one lock
// for the whole project, shared by every execution. tryLock(ms) returns false when another
// execution holds it (the fake does not wait: the other run never finishes within the call);
// releaseLock() lets it go; Apps Script also releases it when the execution ends. A test can hold
// the lock itself to stand for an overlapping run.

import type { Env } from './env';

export class FakeScriptLock {
  /** The execution holding the lock, or null. */
  holder: string | null = null;
  /** Every tryLock/waitLock that found the lock taken. */
  refused = 0;

  constructor(private readonly env: Env) {}

  /** Test: another run holds the lock until release(). */
  holdForOtherRun(name = 'another run'): void {
    this.holder = name;
  }

  release(): void {
    this.holder = null;
  }

  /** The end of an execution: Apps Script releases whatever lock it still holds. */
  endExecution(execution: string): void {
    if (this.holder === execution) this.holder = null;
  }

  handle(execution: () => string): Lock {
    return new Lock(this.env, this, execution);
  }
}

class Lock {
  constructor(
    private readonly env: Env,
    private readonly lock: FakeScriptLock,
    private readonly execution: () => string,
  ) {}

  private timeout(ms: unknown): void {
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) throw this.env.error(`Invalid argument: timeoutInMillis (${String(ms)})`);
  }

  tryLock(timeoutInMillis: number): boolean {
    this.env.hit('Lock.tryLock', 'local');
    this.timeout(timeoutInMillis);
    const me = this.execution();
    if (this.lock.holder === null || this.lock.holder === me) {
      this.lock.holder = me;
      return true;
    }
    this.lock.refused++;
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    this.env.hit('Lock.waitLock', 'local');
    this.timeout(timeoutInMillis);
    const me = this.execution();
    if (this.lock.holder !== null && this.lock.holder !== me) {
      this.lock.refused++;
      throw this.env.error('Lock timeout: another process was holding the lock for too long.');
    }
    this.lock.holder = me;
  }

  hasLock(): boolean {
    this.env.hit('Lock.hasLock', 'local');
    return this.lock.holder === this.execution();
  }

  releaseLock(): void {
    this.env.hit('Lock.releaseLock', 'local');
    if (this.lock.holder === this.execution()) this.lock.holder = null;
  }
}

export function makeLockService(env: Env, lock: FakeScriptLock, execution: () => string) {
  return {
    getScriptLock(): Lock {
      env.hit('LockService.getScriptLock', 'local');
      return lock.handle(execution);
    },
  };
}
