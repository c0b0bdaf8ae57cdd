// onOpen / onInstall: the Cadans menu, in the workbook's language.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthMode } from './fakes/index';
import type { MenuEntry } from './fakes/ui';
import { loadCadans, workbook } from './harness';

const DUTCH: MenuEntry[] = [
  { caption: 'Werkboek inrichten', functionName: 'setupWorkbook' },
  { caption: 'Nu bijwerken', functionName: 'refreshNow' },
  { caption: 'Gesprek voorbereiden', functionName: 'showPrepSidebar' },
  { caption: 'Organisaties vullen uit Relaties', functionName: 'fillOrganisations' },
  { separator: true },
  { caption: 'Ochtendmail bekijken', functionName: 'previewReminders' },
  { caption: 'Ochtendmail nu versturen', functionName: 'sendRemindersNow' },
  { caption: 'Herinneringen aanzetten', functionName: 'enableReminders' },
  { caption: 'Herinneringen uitzetten', functionName: 'disableReminders' },
  { separator: true },
  { caption: 'Controleren', functionName: 'checkSetup' },
  { caption: 'Over Cadans', functionName: 'showAbout' },
];
const ENGLISH: MenuEntry[] = [
  { caption: 'Set up workbook', functionName: 'setupWorkbook' },
  { caption: 'Refresh now', functionName: 'refreshNow' },
  { caption: 'Prepare conversation', functionName: 'showPrepSidebar' },
  { caption: 'Fill Organisations from Relations', functionName: 'fillOrganisations' },
  { separator: true },
  { caption: 'Preview morning mail', functionName: 'previewReminders' },
  { caption: 'Send morning mail now', functionName: 'sendRemindersNow' },
  { caption: 'Turn reminders on', functionName: 'enableReminders' },
  { caption: 'Turn reminders off', functionName: 'disableReminders' },
  { separator: true },
  { caption: 'Check setup', functionName: 'checkSetup' },
  { caption: 'About Cadans', functionName: 'showAbout' },
];

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const settings = (header: [string, string], language: string) => [header, [header[0] === 'Instelling' ? 'Taal' : 'Language', language]];

describe('onOpen', () => {
  it('adds the Dutch Cadans menu to a new spreadsheet', () => {
    const cadans = loadCadans(workbook());
    cadans.onOpen({ authMode: AuthMode.LIMITED });
    expect(cadans.ui.menus).toEqual([{ caption: 'Cadans', entries: DUTCH }]);
    // Each item calls a function that exists at the top level.
    for (const entry of [...DUTCH, ...ENGLISH]) if ('functionName' in entry) expect(typeof cadans.functions[entry.functionName]).toBe('function');
  });

  it('uses English labels when Instellingen says Taal = en', () => {
    const cadans = loadCadans(workbook({ sheets: { Instellingen: settings(['Instelling', 'Waarde'], 'en') } }));
    cadans.onOpen({ authMode: AuthMode.FULL });
    expect(cadans.ui.menus).toEqual([{ caption: 'Cadans', entries: ENGLISH }]);
  });

  it('uses English labels when a Settings tab says Language = en', () => {
    const cadans = loadCadans(workbook({ sheets: { Settings: settings(['Setting', 'Value'], 'en') } }));
    cadans.onOpen();
    expect(cadans.ui.menus).toEqual([{ caption: 'Cadans', entries: ENGLISH }]);
  });

  it('keeps Dutch when the settings say nl, even in an en_US spreadsheet', () => {
    const cadans = loadCadans(workbook({ locale: 'en_US', sheets: { Instellingen: settings(['Instelling', 'Waarde'], 'nl') } }));
    cadans.onOpen({ authMode: AuthMode.LIMITED });
    expect(cadans.ui.menus).toEqual([{ caption: 'Cadans', entries: DUTCH }]);
  });

  it('in AuthMode.NONE adds the Dutch menu without touching the spreadsheet', () => {
    const ss = workbook({ sheets: { Settings: settings(['Setting', 'Value'], 'en') } });
    const cadans = loadCadans(ss);
    cadans.env.mode = 'NONE'; // the fake now throws on any spreadsheet read, as Apps Script does
    cadans.env.reset();
    cadans.onOpen({ authMode: AuthMode.NONE });
    expect(cadans.ui.menus).toEqual([{ caption: 'Cadans', entries: DUTCH }]);
    const touched = Object.keys(cadans.env.byMethod()).filter((m) => !m.startsWith('Menu.') && !m.startsWith('Ui.') && m !== 'SpreadsheetApp.getUi');
    expect(touched).toEqual([]);
  });

  it('onInstall adds the same menu', () => {
    const cadans = loadCadans(workbook());
    cadans.onInstall({ authMode: AuthMode.FULL });
    expect(cadans.ui.menus).toEqual([{ caption: 'Cadans', entries: DUTCH }]);
  });
});

describe('showAbout', () => {
  it('tells what Cadans is, in the workbook language, with the version', () => {
    const cadans = loadCadans(workbook({ sheets: { Instellingen: settings(['Instelling', 'Waarde'], 'en') } }));
    cadans.showAbout();
    expect(cadans.ui.alerts).toHaveLength(1);
    expect(cadans.ui.alerts[0].prompt.startsWith(`Cadans ${VERSION}: relationship cadence for teams in Google Sheets.`)).toBe(true);
  });
});
