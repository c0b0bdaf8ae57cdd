// ScriptApp, after developers.google.com/apps-script/reference/script: the AuthMode enum and the
// installable time-driven triggers Cadans uses: newTrigger(handler).timeBased() with
// everyDays(n).atHour(h).inTimezone(tz) or after(ms), then create(); getProjectTriggers();
// deleteTrigger(trigger). A trigger belongs to the account that installed it and runs as that
// account; getProjectTriggers() returns only the current user's ("Gets all installable triggers
// associated with the current project and current user", …/reference/script/script-app#getprojecttriggers;
// …/guides/triggers/installable, "Installable triggers always run under the account of the person
// who created them"). Granular consent: getAuthorizationInfo(authMode, oAuthScopes) and
// requireScopes(authMode, oAuthScopes) (…/reference/script/script-app#getauthorizationinfoauthmode,-oauthscopes,
// …#requirescopesauthmode,-oauthscopes; …/concepts/scopes). A builder method Cadans does not use
// throws, so that a new use shows up here.

import type { Env } from './env';

export const AuthMode = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' });
export const EventType = Object.freeze({ CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' });
export const TriggerSource = Object.freeze({ SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' });

/** Apps Script allows 20 triggers per user per script (…/guides/services/quotas, "Triggers"). */
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
    /** The account that installed it, and that it runs as (the test's window). */
    readonly owner: string,
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
    if (this.mine().length >= MAX_TRIGGERS) {
      throw this.env.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const trigger = new FakeTrigger(this.env, String(7_000_000 + this.next++), handler, Object.freeze({ ...schedule }), this.env.user);
    this.list.push(trigger);
    return trigger;
  }

  /** The current user's triggers: all that getProjectTriggers shows. */
  mine(): FakeTrigger[] {
    return this.list.filter((t) => t.owner === this.env.user);
  }

  /** The test's window: the triggers for one handler, of every user. */
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

export const AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' });

/** The scopes the manifest asks for: what a user is asked to consent to. */
export type ManifestScopes = () => readonly string[];

/** What ScriptApp.getAuthorizationInfo returns (…/reference/script/authorization-info). */
export class FakeAuthorizationInfo {
  constructor(
    private readonly env: Env,
    private readonly asked: readonly string[],
  ) {}

  getAuthorizationStatus(): string {
    this.env.hit('AuthorizationInfo.getAuthorizationStatus', 'local');
    return this.asked.every((s) => this.env.granted(s)) ? AuthorizationStatus.NOT_REQUIRED : AuthorizationStatus.REQUIRED;
  }

  /** "Gets the authorization URL that can be used to grant access to the script"; null when none is needed. */
  getAuthorizationUrl(): string | null {
    this.env.hit('AuthorizationInfo.getAuthorizationUrl', 'local');
    return this.getAuthorizationStatus() === AuthorizationStatus.REQUIRED ? 'https://script.google.com/macros/d/CADANS/authorize' : null;
  }

  /** "Gets a list of authorized scopes for the script. If authorization information is requested for a specified list of scopes, returns the authorized scopes from the specified list." */
  getAuthorizedScopes(): string[] {
    this.env.hit('AuthorizationInfo.getAuthorizedScopes', 'local');
    return this.env.array(this.asked.filter((s) => this.env.granted(s)));
  }
}

export function makeScriptApp(env: Env, triggers: FakeTriggers, manifestScopes: ManifestScopes = () => []) {
  const asked = (scopes: unknown): readonly string[] => (Array.isArray(scopes) ? scopes.map(String) : manifestScopes());
  return {
    AuthMode,
    EventType,
    getAuthorizationInfo(authMode: string, oAuthScopes?: string[]): FakeAuthorizationInfo {
      env.hit('ScriptApp.getAuthorizationInfo', 'local');
      if (!Object.values(AuthMode).includes(authMode as never)) throw env.error('Invalid argument: authMode');
      return new FakeAuthorizationInfo(env, asked(oAuthScopes));
    },
    /**
     * "Validates if the user has granted consent for all of the requested scopes … If any consent
     * is missing, … the current execution is terminated" and the user is asked: here it throws
     * (in a trigger there is nobody to ask). The message is the fake's own: not documented.
     */
    requireScopes(authMode: string, oAuthScopes: string[]): void {
      env.hit('ScriptApp.requireScopes', 'local');
      if (!Object.values(AuthMode).includes(authMode as never)) throw env.error('Invalid argument: authMode');
      const missing = asked(oAuthScopes).filter((s) => !env.granted(s));
      if (missing.length > 0) throw env.error(`Authorization is required to perform that action. Missing: ${missing.join(', ')}`);
    },
    TriggerSource,
    newTrigger(functionName: string): TriggerBuilder {
      env.hit('ScriptApp.newTrigger', 'service');
      if (typeof functionName !== 'string' || functionName === '') throw env.error('Invalid argument: functionName');
      return new TriggerBuilder(env, triggers, functionName);
    },
    AuthorizationStatus,
    getProjectTriggers(): FakeTrigger[] {
      env.hit('ScriptApp.getProjectTriggers', 'service');
      return env.array(triggers.mine());
    },
    deleteTrigger(trigger: FakeTrigger): void {
      env.hit('ScriptApp.deleteTrigger', 'service');
      if (!(trigger instanceof FakeTrigger)) throw env.error("The parameters don't match the method signature for ScriptApp.deleteTrigger.");
      // Not documented for another user's trigger (which the caller cannot even list): stricter, it throws.
      if (trigger.owner !== env.user) throw env.error('You do not have permission to delete this trigger.');
      const i = triggers.list.findIndex((t) => t.uniqueId === trigger.uniqueId);
      if (i >= 0) triggers.list.splice(i, 1);
    },
  };
}
