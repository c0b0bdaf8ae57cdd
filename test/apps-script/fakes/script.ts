// ScriptApp, after developers.google.com/apps-script/reference/script: the AuthMode enum and the
// installable time-driven triggers Cadans uses: newTrigger(handler).timeBased() with
// everyDays(n).atHour(h).inTimezone(tz) or after(ms), then create(); getProjectTriggers();
// deleteTrigger(trigger). Triggers belong to the project, so every execution sees the same list.
// A builder method Cadans does not use throws, so that a new use shows up here.

import type { Env } from './env';

export const AuthMode = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' });
export const EventType = Object.freeze({ CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' });
export const TriggerSource = Object.freeze({ SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' });

/** Apps Script allows 20 triggers per user per script. */
export const MAX_TRIGGERS = 20;

export interface ClockSchedule {
  /** Recurring: every n days, at this hour (plus or minus 15 minutes), in this zone. */
  everyDays?: number;
  atHour?: number;
  timeZone?: string;
  /** One-off: at least this many milliseconds after it was created. */
  afterMs?: number;
}

export class FakeTrigger {
  constructor(
    private readonly env: Env,
    readonly uniqueId: string,
    readonly handler: string,
    /** The test's window on the schedule (not Apps Script). */
    readonly schedule: Readonly<ClockSchedule>,
  ) {}

  getHandlerFunction(): string {
    this.env.hit('Trigger.getHandlerFunction', 'local');
    return this.handler;
  }

  getUniqueId(): string {
    this.env.hit('Trigger.getUniqueId', 'local');
    return this.uniqueId;
  }

  getEventType(): string {
    this.env.hit('Trigger.getEventType', 'local');
    return EventType.CLOCK;
  }

  getTriggerSource(): string {
    this.env.hit('Trigger.getTriggerSource', 'local');
    return TriggerSource.CLOCK;
  }

  getTriggerSourceId(): string | null {
    this.env.hit('Trigger.getTriggerSourceId', 'local');
    return null;
  }
}

/** The project's installed triggers. */
export class FakeTriggers {
  readonly list: FakeTrigger[] = [];
  private next = 1;

  constructor(private readonly env: Env) {}

  add(handler: string, schedule: ClockSchedule): FakeTrigger {
    if (this.list.length >= MAX_TRIGGERS) {
      throw this.env.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const trigger = new FakeTrigger(this.env, String(7_000_000 + this.next++), handler, Object.freeze({ ...schedule }));
    this.list.push(trigger);
    return trigger;
  }

  /** The test's window: the triggers for one handler. */
  for(handler: string): FakeTrigger[] {
    return this.list.filter((t) => t.handler === handler);
  }
}

function isTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

class ClockTriggerBuilder {
  private readonly schedule: ClockSchedule = {};

  constructor(
    private readonly env: Env,
    private readonly triggers: FakeTriggers,
    private readonly handler: string,
  ) {}

  private whole(name: string, n: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw this.env.error(`Invalid argument: ${name} (${String(n)})`);
    return n;
  }

  everyDays(n: number): ClockTriggerBuilder {
    this.env.hit('ClockTriggerBuilder.everyDays', 'local');
    this.schedule.everyDays = this.whole('n', n, 1);
    return this;
  }

  atHour(hour: number): ClockTriggerBuilder {
    this.env.hit('ClockTriggerBuilder.atHour', 'local');
    this.schedule.atHour = this.whole('hour', hour, 0, 23);
    return this;
  }

  inTimezone(timezone: string): ClockTriggerBuilder {
    this.env.hit('ClockTriggerBuilder.inTimezone', 'local');
    if (!isTimeZone(timezone)) throw this.env.error(`Invalid argument: timezone (${String(timezone)})`);
    this.schedule.timeZone = timezone;
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.env.hit('ClockTriggerBuilder.after', 'local');
    this.schedule.afterMs = this.whole('durationMilliseconds', durationMilliseconds, 0);
    return this;
  }

  create(): FakeTrigger {
    this.env.hit('ClockTriggerBuilder.create', 'service');
    const s = this.schedule;
    const recurring = s.everyDays !== undefined;
    const oneOff = s.afterMs !== undefined;
    if (recurring === oneOff) throw this.env.error('A clock trigger needs exactly one schedule: a recurrence such as everyDays(n), or after(ms).');
    if (s.atHour !== undefined && !recurring) throw this.env.error('atHour(hour) needs a daily or weekly recurrence.');
    return this.triggers.add(this.handler, s);
  }
}

class TriggerBuilder {
  constructor(
    private readonly env: Env,
    private readonly triggers: FakeTriggers,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    this.env.hit('TriggerBuilder.timeBased', 'local');
    return new ClockTriggerBuilder(this.env, this.triggers, this.handler);
  }
}

export function makeScriptApp(env: Env, triggers: FakeTriggers) {
  return {
    AuthMode,
    EventType,
    TriggerSource,
    newTrigger(functionName: string): TriggerBuilder {
      env.hit('ScriptApp.newTrigger', 'service');
      if (typeof functionName !== 'string' || functionName === '') throw env.error('Invalid argument: functionName');
      return new TriggerBuilder(env, triggers, functionName);
    },
    getProjectTriggers(): FakeTrigger[] {
      env.hit('ScriptApp.getProjectTriggers', 'service');
      return env.array(triggers.list);
    },
    deleteTrigger(trigger: FakeTrigger): void {
      env.hit('ScriptApp.deleteTrigger', 'service');
      if (!(trigger instanceof FakeTrigger)) throw env.error("The parameters don't match the method signature for ScriptApp.deleteTrigger.");
      const i = triggers.list.findIndex((t) => t.uniqueId === trigger.uniqueId);
      if (i >= 0) triggers.list.splice(i, 1);
    },
  };
}
