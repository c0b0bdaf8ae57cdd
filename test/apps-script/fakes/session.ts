// Session, after developers.google.com/apps-script/reference/base/session: getEffectiveUser() is
// the account the script runs as (the installer, in an installable trigger), getActiveUser() the
// person at the sheet. User.getEmail() needs the userinfo.email scope
// (…/reference/base/user#getemail, "Authorization"); without it the fake throws, the stricter side
// (Apps Script may also return an empty string). Outside a trigger both are the same account here.

import type { Env } from './env';

export class FakeUser {
  constructor(
    private readonly env: Env,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.env.hit('User.getEmail', 'local');
    return this.email;
  }
}

export function makeSession(env: Env) {
  return {
    getEffectiveUser(): FakeUser {
      env.hit('Session.getEffectiveUser', 'local');
      return new FakeUser(env, env.user);
    },
    getActiveUser(): FakeUser {
      env.hit('Session.getActiveUser', 'local');
      return new FakeUser(env, env.user);
    },
    getScriptTimeZone(): string {
      env.hit('Session.getScriptTimeZone', 'local');
      return env.scriptTimeZone;
    },
  };
}
