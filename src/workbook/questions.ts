// Reading the Gespreksvragen (Conversation questions) tab: the team's own question bank.

import { parseLanguage } from '../core/locale';
import { isBlank, parseTier } from '../core/parse';
import { type Audience, phaseByName, type Question } from '../core/prep';
import { QUESTIONS } from '../../sheets-templates/tabs';
import { columnLabel, type ProblemList } from './problems';
import { isBlankRow, tableOf } from './relations';

const AUDIENCES: Record<string, Audience> = {
  klant: 'client', client: 'client', kandidaat: 'candidate', candidate: 'candidate', prospect: 'prospect', lead: 'prospect',
};

export function readQuestionBank(sheet: string, values: unknown[][], problems: ProblemList): Question[] {
  const table = tableOf(QUESTIONS, sheet, values);
  const col = (key: string) => table.columns.index.get(key);
  const out: Question[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const rowNumber = i + 2;
    const cell = (key: string) => (col(key) === undefined ? '' : row[col(key)!]);
    const report = (key: string, message: string) => problems.add(sheet, rowNumber, columnLabel(table.header[col(key)!], col(key)!), cell(key), message);
    const text = String(cell('question') ?? '').trim();
    if (!text) return;
    const phase = phaseByName(String(cell('phase') ?? ''));
    if (!phase) return report('phase', problems.text('unknownPhase'));
    const audienceText = String(cell('audience') ?? '').trim().toLowerCase();
    const audience = audienceText === '' ? null : AUDIENCES[audienceText];
    if (audience === undefined) return report('audience', problems.text('unknownAudience'));
    let tier = null;
    if (!isBlank(cell('tier'))) {
      const parsed = parseTier(cell('tier'));
      if (!parsed.ok) return report('tier', problems.text('missingTier'));
      tier = parsed.value;
    }
    const language = isBlank(cell('language')) ? null : parseLanguage(cell('language'));
    if (!language) return report('language', problems.text('unknownLanguage'));
    out.push({ phase: phase.key, audience, tier, language, text });
  });
  return out;
}
