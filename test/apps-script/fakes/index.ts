// The Apps Script globals the bundle sees: SpreadsheetApp, Utilities, ScriptApp, MailApp,
// LockService, HtmlService, PropertiesService and Session over one FakeSpreadsheet, every call
// counted in the shared Env, which also knows the account an execution runs as and the scopes
// each account granted (issue 9: a strict model of Google, each rule citing its page). What belongs to the script project rather than to one execution (its triggers,
// its script lock, the account's mail and quota, the document's properties, its HTML files)
// lives in a FakeProject that every execution shares.

import { Env } from './env';
import { makeHtmlService, type ProjectFiles } from './html';
import { FakePropertyStore, makePropertiesService } from './properties';
import { FakeScriptLock, makeLockService } from './lock';
import { FakeMailbox, makeMailApp } from './mail';
import { BooleanCriteria, ConditionalFormatRuleBuilder, DataValidationBuilder, DataValidationCriteria } from './rules';
import { FakeTriggers, makeScriptApp } from './script';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeUi } from './ui';
import { makeUtilities } from './utilities';
import { makeSession } from './session';

export { Env } from './env';
export { Formula, FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet';
export { FakeUi } from './ui';
export { AuthMode } from './script';

/** The script project bound to a spreadsheet: shared by all its executions. */
export class FakeProject {
  readonly triggers: FakeTriggers;
  readonly lock: FakeScriptLock;
  readonly mail = new FakeMailbox();
  /** PropertiesService.getDocumentProperties(): the bound document's store. */
  readonly documentProperties = new FakePropertyStore();

  constructor(
    readonly env: Env,
    /** The project's HTML files, for HtmlService.createHtmlOutputFromFile. */
    readonly files: ProjectFiles = () => null,
    /** The scopes of the manifest (appsscript.json oauthScopes): what consent is asked for. */
    readonly scopes: readonly string[] = [],
  ) {
    this.triggers = new FakeTriggers(env);
    this.lock = new FakeScriptLock(env);
  }
}

export interface Services {
  SpreadsheetApp: ReturnType<typeof makeSpreadsheetApp>;
  Utilities: ReturnType<typeof makeUtilities>;
  ScriptApp: ReturnType<typeof makeScriptApp>;
  MailApp: ReturnType<typeof makeMailApp>;
  LockService: ReturnType<typeof makeLockService>;
  HtmlService: ReturnType<typeof makeHtmlService>;
  PropertiesService: ReturnType<typeof makePropertiesService>;
  Session: ReturnType<typeof makeSession>;
}

function makeSpreadsheetApp(env: Env, spreadsheet: FakeSpreadsheet, ui: FakeUi) {
  return {
    BooleanCriteria,
    DataValidationCriteria,
    getActiveSpreadsheet(): FakeSpreadsheet {
      env.hit('SpreadsheetApp.getActiveSpreadsheet', 'read');
      return spreadsheet;
    },
    getActive(): FakeSpreadsheet {
      env.hit('SpreadsheetApp.getActive', 'read');
      return spreadsheet;
    },
    /** Throws in a custom function, as Apps Script does ("Cannot call SpreadsheetApp.getUi() from this context"). */
    getUi(): FakeUi {
      env.hit('SpreadsheetApp.getUi', 'ui');
      if (!env.uiAvailable) throw env.error('Cannot call SpreadsheetApp.getUi() from this context.');
      return ui;
    },
    newDataValidation(): DataValidationBuilder {
      env.hit('SpreadsheetApp.newDataValidation', 'local');
      return new DataValidationBuilder(env);
    },
    newConditionalFormatRule(): ConditionalFormatRuleBuilder {
      env.hit('SpreadsheetApp.newConditionalFormatRule', 'local');
      return new ConditionalFormatRuleBuilder(env);
    },
    flush(): void {
      env.hit('SpreadsheetApp.flush', 'write');
    },
  };
}

/** `execution` names the running execution, for the script lock. */
export function makeServices(env: Env, spreadsheet: FakeSpreadsheet, ui: FakeUi, project: FakeProject, execution: () => string): Services {
  return {
    SpreadsheetApp: makeSpreadsheetApp(env, spreadsheet, ui),
    Utilities: makeUtilities(env),
    ScriptApp: makeScriptApp(env, project.triggers, () => project.scopes),
    MailApp: makeMailApp(env, project.mail),
    LockService: makeLockService(env, project.lock, execution),
    HtmlService: makeHtmlService(env, project.files),
    PropertiesService: makePropertiesService(env, project.documentProperties),
    Session: makeSession(env),
  };
}
