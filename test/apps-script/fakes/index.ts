// The Apps Script globals the bundle sees: SpreadsheetApp, Utilities and ScriptApp over one
// FakeSpreadsheet, every call counted in the shared Env.

import { Env } from './env';
import { BooleanCriteria, ConditionalFormatRuleBuilder, DataValidationBuilder, DataValidationCriteria } from './rules';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeUi } from './ui';
import { makeUtilities } from './utilities';

export { Env } from './env';
export { Formula, FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet';
export { FakeUi } from './ui';

export const AuthMode = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' });

export interface Services {
  SpreadsheetApp: ReturnType<typeof makeSpreadsheetApp>;
  Utilities: ReturnType<typeof makeUtilities>;
  ScriptApp: { AuthMode: typeof AuthMode };
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

export function makeServices(env: Env, spreadsheet: FakeSpreadsheet, ui: FakeUi): Services {
  return {
    SpreadsheetApp: makeSpreadsheetApp(env, spreadsheet, ui),
    Utilities: makeUtilities(env),
    ScriptApp: { AuthMode },
  };
}
