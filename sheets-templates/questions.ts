// The default question bank seeded into the Gespreksvragen (Conversation questions) tab, written
// for Cadans after the playbook (domain brief, sections 1, 5 and 6). Once seeded it is the team's:
// the sidebar reads the tab, so their own questions win.
//
// Each entry: phase, audience (klant/kandidaat/prospect; '' for all), tier ('' for all), nl, en.

import type { PhaseKey } from '../src/core/prep';

type Audience = 'klant' | 'kandidaat' | 'prospect' | '';
type Entry = [PhaseKey, Audience, '' | 'A' | 'B' | 'C', string, string];

export const DEFAULT_QUESTIONS: readonly Entry[] = [
  // Preparation, about 20 minutes before a client conversation.
  ['prepOrganisation', 'klant', '', 'Hoe ziet het organigram eruit, en welke afdelingen kennen we nog niet?', 'What does the org chart look like, and which departments do we not know yet?'],
  ['prepOrganisation', 'klant', '', 'Welke vestigingen en bedrijfsonderdelen zijn er, en waar zitten behoeften aan HR, IT of Finance?', 'Which locations and business units are there, and where are HR, IT or Finance needs?'],
  ['prepOrganisation', 'klant', '', 'Zijn er fusies, overnames of reorganisaties gaande of aangekondigd?', 'Are mergers, acquisitions or reorganisations under way or announced?'],
  ['prepStakeholders', 'klant', '', 'Wie zijn onze huidige contacten, en welke beslissers en budgethouders kennen we nog niet?', 'Who are our current contacts, and which decision makers and budget owners do we not know yet?'],
  ['prepStakeholders', 'klant', '', 'Wie zou onze champion kunnen zijn?', 'Who could be our champion?'],
  ['prepIntelligence', 'klant', '', 'Welke strategische initiatieven, groeiplannen en technologie-roadmaps zijn bekend?', 'Which strategic initiatives, growth plans and technology roadmaps are known?'],
  ['prepIntelligence', 'klant', '', 'Welke nieuwe regelgeving raakt deze organisatie?', 'Which new regulation affects this organisation?'],
  // SPIN discovery, 25-30 minutes.
  ['situation', 'klant', '', 'Hoe is de organisatie nu ingericht, over afdelingen en locaties heen?', 'How is the organisation set up today, across departments and locations?'],
  ['situation', 'klant', '', 'Wie anders in de organisatie heeft vergelijkbare behoeften?', 'Who else in the organisation has similar needs?'],
  ['problem', 'klant', '', 'Waar lopen projecten vast, en waar ontbreekt het aan mensen of expertise?', 'Where do projects get stuck, and where are people or expertise lacking?'],
  ['problem', 'klant', '', 'Welke pieken in capaciteit verwacht u het komende halfjaar?', 'Which capacity peaks do you expect in the next six months?'],
  ['implication', 'klant', '', 'Wat betekent dat tekort voor uw strategische doelen en bedrijfsonderdelen?', 'What does that shortage mean for your strategic goals and business units?'],
  ['implication', 'klant', '', 'Hoe raakt het uw concurrentiepositie als dit zo blijft?', 'How does it affect your competitive position if this continues?'],
  ['needPayoff', 'klant', '', 'Wat zou het waard zijn als u organisatiebreed snel toegang had tot de juiste expertise?', 'What would it be worth to have fast, organisation-wide access to the right expertise?'],
  ['needPayoff', 'klant', '', 'Hoe zou een preferred-supplierafspraak of strategisch partnerschap u helpen?', 'How would a preferred-supplier arrangement or a strategic partnership help you?'],
  // Expansion and commitment.
  ['expansion', 'klant', '', 'Schets samen een partnerschapsvisie: waar staan we over een jaar?', 'Sketch a partnership vision together: where are we in a year?'],
  ['expansion', 'klant', '', 'Welke andere afdeling leent zich voor een pilot, en hoe rollen we die daarna uit?', 'Which other department suits a pilot, and how do we roll it out afterwards?'],
  ['commitment', 'klant', '', 'Aan wie kunt u ons voorstellen, en wanneer?', 'Who can you introduce us to, and when?'],
  ['commitment', 'klant', '', 'Zullen we een gezamenlijke presentatie plannen? Wat heeft u als champion nodig?', 'Shall we plan a joint presentation? What do you as champion need?'],
  // Quick-reference checklist.
  ['checklist', 'klant', '', 'Organisatie in kaart gebracht', 'Organisation mapped'],
  ['checklist', 'klant', '', 'SPIN-gesprek gevoerd', 'SPIN conversation done'],
  ['checklist', 'klant', '', 'Uitbreidingsroadmap besproken', 'Expansion roadmap discussed'],
  ['checklist', 'klant', '', 'Warme introducties gepland', 'Warm introductions planned'],
  ['checklist', 'klant', '', 'Partnerschap besproken', 'Partnership discussed'],
  ['checklist', 'klant', '', 'Volgende stappen met datum afgesproken', 'Next steps agreed with dates'],
  // Candidates, tier A: 15 minutes.
  ['career', 'kandidaat', 'A', 'Waar wil je over twee jaar staan, en wat heb je daarvoor nodig?', 'Where do you want to be in two years, and what do you need for that?'],
  ['currentAssignment', 'kandidaat', 'A', 'Hoe loopt je huidige opdracht, en wanneer loopt die af?', 'How is your current assignment going, and when does it end?'],
  ['future', 'kandidaat', 'A', 'Welke opdrachten of organisaties spreken je aan voor je volgende stap?', 'Which assignments or organisations appeal to you for your next step?'],
  ['future', 'kandidaat', 'A', 'Ken je iemand in je netwerk die we zouden moeten spreken?', 'Do you know someone in your network we should talk to?'],
  ['addingValue', 'kandidaat', 'A', 'Deel een artikel, een link of een introductie die bij deze kandidaat past.', 'Share an article, a link or an introduction that fits this candidate.'],
  // Candidates, tiers B and C: the shorter agendas.
  ['checkIn', 'kandidaat', 'B', 'Hoe gaat je huidige opdracht, en vanaf wanneer ben je beschikbaar?', 'How is your current assignment, and from when are you available?'],
  ['checkIn', 'kandidaat', 'B', 'Wat zoek je in je volgende opdracht?', 'What are you looking for in your next assignment?'],
  ['checkIn', 'kandidaat', 'C', 'Ben je beschikbaar, en is je specialisme nog actueel?', 'Are you available, and is your speciality still current?'],
  // Prospects: BANT.
  ['budget', 'prospect', '', 'Is er budget gereserveerd voor deze inzet, en hoeveel?', 'Is there a budget set aside for this, and how much?'],
  ['authority', 'prospect', '', 'Wie beslist hierover, en spreken we die persoon?', 'Who decides on this, and are we talking to that person?'],
  ['need', 'prospect', '', 'Welk urgent probleem lost dit op, en past onze dienst daarbij?', 'Which urgent problem does this solve, and does our service fit it?'],
  ['timeline', 'prospect', '', 'Wanneer zou de inzet moeten starten?', 'When would the work need to start?'],
  ['timeline', 'prospect', '', 'Geef de prospect een kleine taak (bijv. een functieprofiel aanleveren) en kijk hoe snel die terugkomt.', 'Give the prospect a small task (e.g. send a role profile) and see how quickly it comes back.'],
];
