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
  ['prepStakeholders', 'klant', '', 'Wie zou ons intern kunnen aanbevelen bij andere afdelingen?', 'Who could recommend us internally to other departments?'],
  ['prepIntelligence', 'klant', '', 'Welke strategische initiatieven, groeiplannen en technologie-roadmaps zijn bekend?', 'Which strategic initiatives, growth plans and technology roadmaps are known?'],
  ['prepIntelligence', 'klant', '', 'Welke nieuwe regelgeving raakt deze organisatie?', 'Which new regulation affects this organisation?'],
  // SPIN discovery, 25-30 minutes.
  ['situation', 'klant', '', 'Hoe is de organisatie nu ingericht, over afdelingen en locaties heen?', 'How is the organisation set up today, across departments and locations?'],
  ['situation', 'klant', '', 'Wie anders in de organisatie heeft vergelijkbare behoeften?', 'Who else in the organisation has similar needs?'],
  ['problem', 'klant', '', 'Waar lopen projecten vast, en waar ontbreekt het aan mensen of expertise?', 'Where do projects get stuck, and where are people or expertise lacking?'],
  ['problem', 'klant', '', 'Welke pieken in capaciteit verwachten jullie het komende halfjaar?', 'Which capacity peaks do you expect in the next six months?'],
  ['implication', 'klant', '', 'Wat betekent dat tekort voor jullie strategische doelen en bedrijfsonderdelen?', 'What does that shortage mean for your strategic goals and business units?'],
  ['implication', 'klant', '', 'Hoe raakt het jullie concurrentiepositie als dit zo blijft?', 'How does it affect your competitive position if this continues?'],
  ['needPayoff', 'klant', '', 'Wat zou het waard zijn als jullie organisatiebreed snel toegang hadden tot de juiste expertise?', 'What would it be worth to have fast, organisation-wide access to the right expertise?'],
  ['needPayoff', 'klant', '', 'Wat zou een vaste leveranciersafspraak of een partnerschap met ons jullie opleveren?', 'What would a standing supplier arrangement or a partnership with us bring you?'],
  // Expansion and commitment.
  ['expansion', 'klant', '', 'Ik zie kansen om jullie in de hele organisatie te ondersteunen; mag ik schetsen hoe dat eruit kan zien?', 'I see chances to support you across the organisation; may I sketch what that could look like?'],
  ['expansion', 'klant', '', 'Welke andere afdeling leent zich voor een pilot, en hoe rollen we die daarna uit?', 'Which other department suits a pilot, and how do we roll it out afterwards?'],
  ['commitment', 'klant', '', 'Wil je ons voorstellen aan die afdeling, en wanneer?', 'Who can you introduce us to, and when?'],
  ['commitment', 'klant', '', 'Kunnen we samen een presentatie geven aan het managementteam? Wat heb je nodig om dit intern te trekken?', 'Can we present jointly to the management team? What do you need to champion this internally?'],
  // Quick-reference checklist.
  ['checklist', 'klant', '', 'Organisatie in kaart gebracht', 'Organisation mapped'],
  ['checklist', 'klant', '', 'SPIN-gesprek gevoerd', 'SPIN conversation done'],
  ['checklist', 'klant', '', 'Uitbreidingsroadmap besproken', 'Expansion roadmap discussed'],
  ['checklist', 'klant', '', 'Warme introducties gepland', 'Warm introductions planned'],
  ['checklist', 'klant', '', 'Partnerschap besproken', 'Partnership discussed'],
  ['checklist', 'klant', '', 'Volgende stappen met datum afgesproken', 'Next steps agreed with dates'],
  // Client check-ins (issue 12; domain brief, section 7): A monthly 20 min, B quarterly 15, C half-yearly 10.
  ['developments', 'klant', 'A', 'Hoe ontwikkelt jullie organisatie zich sinds we elkaar spraken?', 'How has your organisation developed since we last spoke?'],
  ['challenges', 'klant', 'A', 'Welke uitdagingen spelen er nu bij jullie?', 'Which challenges are live for you right now?'],
  ['runningProjects', 'klant', 'A', 'Hoe lopen de projecten waar we bij betrokken zijn, en waar kan het beter?', 'How are the projects we are involved in going, and where could they be better?'],
  ['marketInsight', 'klant', 'A', 'Deel een marktinzicht dat hen raakt: een trend, een benchmark of een zet van een concurrent.', 'Share a market insight that affects them: a trend, a benchmark or a competitor\'s move.'],
  ['outlook', 'klant', 'A', 'Welke projecten komen eraan, en waar ontstaat straks behoefte aan HR, IT of Finance?', 'Which projects are coming, and where will HR, IT or Finance needs arise?'],
  ['status', 'klant', 'B', 'Hoe staan jullie ervoor, en hoe loopt de samenwerking?', 'How are things with you, and how is our work together going?'],
  ['opportunities', 'klant', 'B', 'Waar zien jullie kansen, en waar lopen jullie tegenaan?', 'Where do you see opportunities, and what are you running into?'],
  ['networking', 'klant', 'B', 'Is er iemand, binnen of buiten jullie organisatie, die we zouden moeten leren kennen?', 'Is there someone, inside or outside your organisation, we should get to know?'],
  ['upcomingProjects', 'klant', 'B', 'Welke projecten staan de komende maanden op de planning?', 'Which projects are planned for the coming months?'],
  ['lightTouch', 'klant', 'C', 'Hoe gaat het bij jullie?', 'How are things with you?'],
  ['marketInsight', 'klant', 'C', 'Noem kort één ontwikkeling in de markt die voor hen interessant is.', 'Briefly mention one market development that interests them.'],
  ['needsCheck', 'klant', 'C', 'Verwachten jullie het komende halfjaar mensen of expertise nodig te hebben?', 'Do you expect to need people or expertise in the next six months?'],
  ['keepWarm', 'klant', 'C', 'Mag ik over een halfjaar weer even bellen? Je kunt me altijd eerder bereiken.', 'May I call again in six months? You can always reach me sooner.'],
  // After a placement (issue 12): the after-sales call, to the client and to the candidate.
  ['afterSales', 'klant', '', 'Is alles gegaan zoals je hoopte? Hoe is de start bevallen?', 'Did everything go as you hoped? How did the start go?'],
  ['afterSales', 'klant', '', 'Wat kunnen we de volgende keer beter doen?', 'What can we do better next time?'],
  ['afterSales', 'kandidaat', '', 'Is alles gegaan zoals je hoopte? Hoe bevalt de nieuwe opdracht?', 'Did everything go as you hoped? How do you like the new assignment?'],
  // Candidates, tier A: 15 minutes.
  ['career', 'kandidaat', 'A', 'Waar wil je over twee jaar staan, en wat heb je daarvoor nodig?', 'Where do you want to be in two years, and what do you need for that?'],
  ['currentAssignment', 'kandidaat', 'A', 'Hoe loopt je huidige opdracht, en wanneer loopt die af?', 'How is your current assignment going, and when does it end?'],
  ['future', 'kandidaat', 'A', 'Welke opdrachten of organisaties spreken je aan voor je volgende stap?', 'Which assignments or organisations appeal to you for your next step?'],
  ['future', 'kandidaat', 'A', 'Ken je iemand in je netwerk die we zouden moeten spreken?', 'Do you know someone in your network we should talk to?'],
  ['addingValue', 'kandidaat', 'A', 'Ik kwam iets tegen dat bij je past (een artikel, een link, iemand om te spreken): zal ik het je sturen?', 'I came across something that fits you (an article, a link, someone to talk to): shall I send it?'],
  // Candidates, tiers B and C: the shorter agendas.
  ['checkIn', 'kandidaat', 'B', 'Hoe gaat je huidige opdracht, en vanaf wanneer ben je beschikbaar?', 'How is your current assignment, and from when are you available?'],
  ['checkIn', 'kandidaat', 'B', 'Wat zoek je in je volgende opdracht?', 'What are you looking for in your next assignment?'],
  ['checkIn', 'kandidaat', 'C', 'Ben je beschikbaar, en is je specialisme nog actueel?', 'Are you available, and is your speciality still current?'],
  // Prospects: BANT.
  ['budget', 'prospect', '', 'Is er budget gereserveerd voor deze inzet, en hoeveel?', 'Is there a budget set aside for this, and how much?'],
  ['authority', 'prospect', '', 'Wie beslist hierover, en spreken we die persoon?', 'Who decides on this, and are we talking to that person?'],
  ['need', 'prospect', '', 'Welk urgent probleem lost dit op, en past onze dienst daarbij?', 'Which urgent problem does this solve, and does our service fit it?'],
  ['timeline', 'prospect', '', 'Wanneer zou de inzet moeten starten?', 'When would the work need to start?'],
  ['timeline', 'prospect', '', 'Kun je ons het functieprofiel sturen, zodat we gericht kunnen zoeken?', 'Could you send us the role profile, so that we can search in a targeted way?'],
];
