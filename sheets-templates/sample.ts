// A sample team at a fictional Utrecht agency, with the mix of clean and messy cells real sheets
// have. Dates are given as days before the run's day, so the sample always shows every status.
// `cadans init` and `npm start` fill the template with it; one cell ("vorige week") is wrong on
// purpose, to show how a problem is reported.

export interface SampleDate {
  daysAgo: number;
  /** How the cell holds it: a real date cell (default) or text as a recruiter typed it. */
  as?: 'date' | 'text-nl' | 'text-iso';
}

export type SampleCell = string | number | boolean | SampleDate | null;

export const SAMPLE_TEAM = {
  domain: 'bureau-lindeboom.nl',
  members: ['sanne.devries@bureau-lindeboom.nl', 'joris.bakker@bureau-lindeboom.nl', 'amira.elidrissi@bureau-lindeboom.nl'],
};

const [SANNE, JORIS, AMIRA] = SAMPLE_TEAM.members;
const ago = (daysAgo: number, as?: SampleDate['as']): SampleDate => ({ daysAgo, as });

/** Columns in the template's order: ID, Naam, Type, Organisatie, E-mail, Eigenaar, Tier, Laatste contact, Jaaromzet, Plaatsingen, Referrals, Actief, Notities, Uitstellen tot. */
export const SAMPLE_RELATIONS: readonly SampleCell[][] = [
  ['R001', 'Marieke Hoekstra', 'Klant', 'Waterschap Rijnvallei', 'm.hoekstra@rijnvallei.example', SANNE, 'A', ago(41), 186000, 6, 2, 'ja', 'HR-directeur; reorganisatie afdeling Financiën in Q1'],
  ['R002', 'Thomas Verbeek', 'Klant', 'Zorggroep Middenland', 't.verbeek@zorggroep-middenland.example', SANNE, 'A-klant', ago(12), '€ 142.500,00', 4, 1, 'ja', 'Wil een pilot met interim-IT in Amersfoort'],
  ['R003', 'Ingrid de Wit', 'Klant', 'Gemeente Heuvelrug', 'i.dewit@heuvelrug.example', JORIS, 'B', ago(95), '€ 64.000', 3, 0, 'ja', 'Budgetronde in maart'],
  ['R004', 'Pieter Jansen', 'Klant', 'Van Dijk Logistiek B.V.', 'p.jansen@vandijk-logistiek.example', JORIS, 'Tier B', ago(80, 'text-nl'), '38.750,00', 2, 0, 'ja', 'Contact via LinkedIn-event'],
  ['R005', 'Lotte Smit', 'Klant', 'TechNova Solutions', 'lotte@technova.example', AMIRA, 'C', ago(200), 12500, 1, 0, 'ja', 'Belt zelf terug na haar verlof', ago(-10)],
  ['R006', 'Hans Mulder', 'Klant', 'Bakkerij De Graanschuur', 'hans@graanschuur.example', AMIRA, 'c', ago(150), '€ 4.200,-', 1, 0, 'ja', 'Seizoenswerk'],
  ['R007', 'Eva Koster', 'Klant', 'Stichting Jeugdzorg Oost', 'e.koster@jeugdzorg-oost.example', SANNE, 'B', null, 0, 0, 0, 'ja', 'Nieuwe lead van beurs; nog niet gesproken'],
  ['R008', 'Fatima El Amrani', 'Kandidaat', 'Interim HR-adviseur', 'fatima.elamrani@mail.example', SANNE, 'A', ago(27), null, 5, 3, 'ja', 'Loopt tot eind maart bij Waterschap Rijnvallei'],
  ['R009', 'Daan Visser', 'Kandidaat', 'Freelance controller', 'daan@vissercontrol.example', JORIS, 'A', ago(33), null, 4, 1, 'x', 'Zoekt opdracht vanaf mei'],
  ['R010', 'Noor Hendriks', 'Kandidaat', 'Data-engineer', 'noor.hendriks@mail.example', AMIRA, 'B', ago(60), null, 2, 0, 'ja', ''],
  ['R011', 'Mehmet Yilmaz', 'Kandidaat', 'Interim IT-manager', 'mehmet.yilmaz@mail.example', JORIS, 'B', ago(89), null, 2, 1, 'ja', 'Sterke referrer'],
  ['R012', 'Sophie van den Berg', 'Kandidaat', 'Payroll-specialist', 'sophie.vdberg@mail.example', AMIRA, 'C', ago(170), null, 1, 0, 'ja', 'Niche: payroll in de zorg'],
  ['R013', 'Jeroen de Boer', 'Kandidaat', 'Business analist', 'jeroen.deboer@mail.example', SANNE, 'C', 'vorige week', null, 0, 0, 'ja', 'Datum nog invullen'],
  ['R014', 'Anouk Peters', 'Kandidaat', 'Recruiter (ZZP)', 'anouk.peters@mail.example', JORIS, 'B', ago(400), null, 1, 0, 'nee', 'Werkt sinds vorig jaar in loondienst'],
  ['R015', 'Kees van Leeuwen', 'Klant', 'Hollandse Bouwgroep', 'k.vanleeuwen@hbg.example', AMIRA, 'A', ago(30, 'text-iso'), '€ 98.000,00', 3, 1, 'ja', 'Vraagt om marktinzicht salarissen'],
];

/** Columns: Datum, Relatie-ID, Soort, Duur (min), Eigenaar, Notities. */
export const SAMPLE_TOUCHPOINTS: readonly SampleCell[][] = [
  [ago(41), 'R001', 'Business check-in', 20, SANNE, 'Marktinzicht HR gedeeld'],
  [ago(12), 'R002', 'Business check-in', 20, SANNE, 'Pilot IT besproken'],
  [ago(95), 'R003', 'Telefoon', 15, JORIS, ''],
  [ago(27), 'R008', 'Loopbaangesprek', 15, SANNE, 'Wil richting HR-manager'],
  [ago(33), 'R009', 'Loopbaangesprek', 15, JORIS, ''],
  [ago(20), 'R010', 'Koffie', 15, AMIRA, 'Telt mee als laatste contact'],
  [ago(89), 'R011', 'Telefoon', 15, JORIS, ''],
  [ago(5), 'R099', 'Telefoon', 10, AMIRA, 'ID bestaat niet: wordt gemeld'],
];

/** Columns: Organisatie, Contactpersoon, Eigenaar, Fase, Budget, Budget notitie, Beslisser, Beslisser notitie, Behoefte, Behoefte notitie, Tijdlijn, Tijdlijn notitie, Voorstel verstuurd, Volgende stap. */
export const SAMPLE_PIPELINE: readonly SampleCell[][] = [
  ['Omgevingsdienst Eemland', 'Ruud Kramer', JORIS, 'warm', 'ja', 'Begroting 2027 vastgesteld', 'nee', 'Directeur beslist, nog niet gesproken', 'ja', 'Drie vacatures vergunningverlening', '', '', null, 'Kennismaking met de directeur plannen'],
  ['Fietsfabriek Velox', 'Annemiek Bos', SANNE, 'heet', 'ja', '', 'ja', 'CFO zelf', 'ja', 'Interim-controller nodig', 'ja', 'Start 1 februari', ago(3), 'Voorstel nabellen'],
  ['Stichting Cultuurhuis', 'Wim de Groot', AMIRA, 'koud', '', '', '', '', 'ja', 'HR-adviseur voor reorganisatie', 'nee', 'Pas na de zomer', null, 'Marktinzicht salarissen sturen'],
];

export const SAMPLE_WORKBOOK_NAME = 'cadans-voorbeeld.xlsx';
