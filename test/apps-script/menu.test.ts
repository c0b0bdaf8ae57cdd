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

/** A spreadsheet Cadans has been set up in: it has a Relaties tab. */
const setUp = () => workbook({ sheets: { Relaties: [['ID', 'Naam']] } });

describe('onOpen', () => {
  it('adds the Dutch Cadans menu to a spreadsheet with Cadans tabs', () => {
    const cadans = loadCadans(setUp());
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
    const cadans = loadCadans(setUp());
    cadans.onInstall({ authMode: AuthMode.FULL });
    expect(cadans.ui.menus).toEqual([{ caption: 'Cadans', entries: DUTCH }]);
  });
});

describe('first contact: a spreadsheet with nothing of Cadans yet', () => {
  it('offers one step in the menu, Werkboek inrichten (and Over Cadans), in the sheet\'s language', () => {
    const nl = loadCadans(workbook());
    nl.onOpen({ authMode: AuthMode.LIMITED });
    expect(nl.ui.menus).toEqual([{ caption: 'Cadans', entries: [DUTCH[0], { separator: true }, DUTCH.at(-1)] }]);
    const en = loadCadans(workbook({ locale: 'en_GB', sheets: { Sheet1: [] } }));
    en.onOpen({ authMode: AuthMode.LIMITED });
    expect(en.ui.menus).toEqual([{ caption: 'Cadans', entries: [ENGLISH[0], { separator: true }, ENGLISH.at(-1)] }]);
  });

  it('after setup shows the first steps: fill in Relaties, set the team, turn reminders on; then the whole menu', () => {
    const ss = workbook();
    const cadans = loadCadans(ss);
    cadans.setupWorkbook();
    expect(cadans.ui.dialogs).toHaveLength(1);
    const { title, html } = cadans.ui.dialogs[0];
    expect(title).toBe('Welkom bij Cadans');
    const steps = [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]);
    expect(steps).toEqual([
      'Vul het tabblad Relaties, of plak je lijst erin: per relatie minstens ID, Naam, Type (Klant of Kandidaat), Eigenaar (e-mailadres), Tier (A, B of C) en Laatste contact. Kies daarna Cadans &gt; Nu bijwerken.',
      'Zet in het tabblad Instellingen bij Team wie de ochtendmail krijgt: e-mailadressen, of jullie domein zoals @bureau.nl.',
      'Kies Cadans &gt; Herinneringen aanzetten: elke werkdag krijgt iedere eigenaar een mail met wie hij moet bellen.',
    ]);
    expect(html).toContain('Laad het spreadsheet opnieuw om het hele Cadans-menu te zien.');
    // The next open finds Cadans's tabs: the whole menu.
    const reopened = loadCadans(ss);
    reopened.onOpen({ authMode: AuthMode.LIMITED });
    expect(reopened.ui.menus).toEqual([{ caption: 'Cadans', entries: DUTCH }]);
    // A second setup is not a first contact: an alert, no dialog.
    reopened.setupWorkbook();
    expect(reopened.ui.dialogs).toEqual([]);
    expect(reopened.ui.alerts.map((a) => a.prompt)).toEqual(['Het werkboek was al ingericht; er is niets gewijzigd.']);
  });

  it('speaks English in an English-locale sheet', () => {
    const cadans = loadCadans(workbook({ locale: 'en_US', sheets: { Sheet1: [] } }));
    cadans.setupWorkbook();
    expect(cadans.ui.dialogs.map((d) => d.title)).toEqual(['Welcome to Cadans']);
    expect(cadans.ui.dialogs[0].html).toContain('Fill in the Relations tab');
    expect(cadans.ui.dialogs[0].html).not.toMatch(/Relaties|Instellingen|Herinneringen/);
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
