// Issue 9: Cadans > Controleren (checkSetup), in the strict model: its dialog and Log lines with
// agreeing and disagreeing time zones, a missing permission, and a spreadsheet near the cell limit.

import { describe, expect, it } from 'vitest';
import { SCOPES } from './fakes/env';
import { loadCadans, workbook } from './harness';

/** The dialog's text, as the person copies it into a mail to support. */
function dialogText(html: string): string {
  const inner = /<pre[^>]*>([\s\S]*)<\/pre>/.exec(html)![1];
  return inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function setUp(timeZone = 'Europe/Amsterdam') {
  const ss = workbook({ timeZone });
  loadCadans(ss).setupWorkbook();
  return ss;
}

describe('checkSetup', () => {
  it('on a fresh, set-up spreadsheet whose zone agrees with the script\'s: every check in order, in a dialog and in the Log', () => {
    const ss = setUp();
    const cadans = loadCadans(ss);
    cadans.checkSetup();
    expect(cadans.ui.dialogs.map((d) => d.title)).toEqual(['Cadans > Controleren']);
    const lines = dialogText(cadans.ui.dialogs[0].html).split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'Controleren: 7 in orde, 1 let op, 0 fout', // issue 20 adds the growth forecast
      '',
      '[in orde] Tijdzones: spreadsheet Europe/Amsterdam, script Europe/Amsterdam',
      '[in orde] Datumrekening (Intl tegen Utilities.formatDate) bij 7 momenten rond de zomer- en wintertijd: in orde',
      '[in orde] Toestemmingen: 5 van 5 gegeven',
      '[let op] Herinneringen: Herinneringen staan uit.',
      '[in orde] Mailquotum over vandaag: 100 ontvangers',
      // Blad1 and the seven tabs setup added, each at least 1000 x 26.
      expect.stringMatching(/^\[in orde\] Cellen: [\d.]+ van 10\.000\.000 \(\d,\d%\)$/),
    ]);
    expect(lines).toContain('  Blad1: 1.000 x 26 = 26.000 cellen, 0 rijen gebruikt');
    expect(lines.at(-1)).toBe('[in orde] Tabbladen en kolommen: alles aanwezig');
    // The Log: the summary and each line that is not in order.
    const log = ss.$sheet('Log').$column(7);
    expect(log.slice(-2)).toEqual(['Cadans > Controleren: Controleren: 7 in orde, 1 let op, 0 fout', 'Cadans > Controleren: Herinneringen: Herinneringen staan uit.']);
  });

  it('says when the spreadsheet and the script disagree on the time zone, and who sends the reminders', () => {
    const ss = setUp('America/New_York');
    ss.env.scriptTimeZone = 'Europe/Amsterdam';
    const settings = ss.$sheet('Instellingen');
    settings.getRange(settings.$column(1, 1).indexOf('Team') + 1, 2).setValues([['@bureau.nl']]);
    loadCadans(ss, { user: 'anna@bureau.nl' }).enableReminders();
    const cadans = loadCadans(ss);
    cadans.checkSetup();
    const text = dialogText(cadans.ui.dialogs[0].html);
    expect(text).toContain('[in orde] Tijdzones: spreadsheet America/New_York, script Europe/Amsterdam');
    expect(text).toContain('[let op] De spreadsheet (America/New_York) en het script (Europe/Amsterdam) hebben een andere tijdzone; Cadans rekent met die van de spreadsheet.');
    expect(text).toMatch(/\[in orde\] Herinneringen: Herinneringen verstuurd namens anna@bureau\.nl\.; volgende run rond \d{2}-\d{2}-\d{4} 7:00 \(America\/New_York\)/);
  });

  it('says when Intl and Google disagree on the zone\'s UTC offset, and at which instant', () => {
    const ss = setUp();
    const cadans = loadCadans(ss);
    // An Intl without summer time for Amsterdam (a fixed UTC+1), planted in the script's context.
    cadans.evaluate(`(() => {
      const Real = Intl.DateTimeFormat;
      function Wrong(locale, options) {
        const o = Object.assign({}, options);
        if (o.timeZone === 'Europe/Amsterdam') o.timeZone = 'Etc/GMT-1';
        return new Real(locale, o);
      }
      Wrong.prototype = Real.prototype;
      Wrong.supportedLocalesOf = Real.supportedLocalesOf;
      Intl.DateTimeFormat = Wrong;
    })()`);
    cadans.checkSetup();
    const text = dialogText(cadans.ui.dialogs[0].html);
    expect(text).toMatch(/^\[let op\] Datumrekening \(Intl tegen Utilities\.formatDate\) bij 3 momenten rond de zomer- en wintertijd: let op$/m);
    expect(text).toMatch(/^\[let op\] Intl geeft op \d{4}-\d{2}-\d{2}T[\d:.]+Z een UTC-verschil van \+01:00, Utilities \+02:00; Cadans gebruikt Utilities\.$/m);
  });

  it('names a permission that was not granted, and leaves out what needs it', () => {
    const ss = setUp();
    ss.env.$revoke('joost@bureau.nl', SCOPES.sendMail);
    const cadans = loadCadans(ss);
    cadans.checkSetup();
    const text = dialogText(cadans.ui.dialogs[0].html);
    expect(text).toContain('[let op] Toestemmingen: 4 van 5 gegeven (Geen toestemming voor: e-mail versturen als jij.)');
    expect(text).not.toContain('Mailquotum');
  });

  it('warns when the spreadsheet is near the 10 million cells, naming the full tab', () => {
    const ss = setUp();
    ss.$sheet('Blad1').insertRowsAfter(1000, 370_000);
    const cadans = loadCadans(ss);
    cadans.checkSetup();
    const text = dialogText(cadans.ui.dialogs[0].html);
    expect(text).toMatch(/^\[fout\] Cellen: 9\.\d{3}\.\d{3} van 10\.000\.000 \(9\d,\d%\)$/m);
    expect(text).toMatch(/^\[fout\] De spreadsheet zit op 9\d,\d% van de 10 miljoen cellen/m);
    expect(text).toContain('  Blad1: 371.000 x 26 = 9.646.000 cellen, 0 rijen gebruikt');
  });

  it('names a missing tab and a missing column', () => {
    const ss = workbook({ sheets: { Relaties: [['ID', 'Naam']], Instellingen: [['Instelling', 'Waarde']] } });
    const cadans = loadCadans(ss);
    cadans.checkSetup();
    const text = dialogText(cadans.ui.dialogs[0].html);
    expect(text).toContain('[let op] Kolom Eigenaar ontbreekt in Relaties: kies Cadans > Werkboek inrichten');
    expect(text).toContain('[let op] Tabblad Acties ontbreekt: kies Cadans > Werkboek inrichten');
  });
});
