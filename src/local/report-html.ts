// report.html: the Vandaag, KPI and Risico tabs as one offline page, their charts drawn as inline
// SVG from the same blocks the workbook gets (nothing is loaded from anywhere, no script runs).
// Every value is escaped: user text shows as text.
//
// On every screen (issue 14):
// - tables sit in a box that scrolls sideways when they are wider than the screen; no cell is
//   squeezed below its longest word (a word without spaces, a date or an address, never breaks).
//   Under 600 px the Vandaag tab's tables become cards, one per line, each value with its header;
// - chart text is sized for a phone: the charts are drawn 400 units wide with 12-unit text, so
//   on a 390 px phone it shows at about 11 px and on a wide screen (at most 480 px) at 14 px;
// - links to the tabs at the top (kept in view), and to each section under a tab's title;
// - under 600 px the KPI and Risico sections fold shut behind their titles (tap to open), so the
//   page is short on a phone; on a wide screen they are always open (an older browser, without
//   ::details-content, keeps them folded there too, and they open with a click);
// - a chart value the tab leaves empty (a month with nothing due) gets no bar but the words
//   "geen gegevens", and a workbook without relationships says so at the top.
// Where a tab carries its presentation (number kinds, explanation rows, colour rules), a cell
// reads and looks as in the spreadsheet.

import type { ReportTab, ReportTabs } from '../engine/report-tabs';
import type { Language } from '../core/locale';
import type { ChartSpec } from '../workbook/ports';
import { catalogue, type Catalogue, fill } from '../i18n/catalogue';
import { formatDay } from '../core/dates';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function cellText(value: unknown, language: Language): string {
  if (typeof value === 'number') return language === 'nl' ? String(value).replace('.', ',') : String(value);
  return value === null || value === undefined ? '' : String(value);
}

/** Columns whose numbers are counted places, not amounts: shown without thousands separators. */
const PLAIN_COLUMNS = new Set(['#', 'Rij', 'Row']);

/**
 * A generated tab's presentation, where the engine gives one beside the values (issue 14: number
 * kinds per cell, explanation rows in italics): read when present, so that the page shows a cell
 * as the spreadsheet does. Without it numbers get the language's separators.
 */
interface Presentation {
  format?: {
    italic?: readonly number[];
    numbers?: ReadonlyArray<{ row: number; column: number; kind: string }>;
    /** Colours for cells whose text equals or contains a text (a verdict, a status), in one column or all. */
    colours?: ReadonlyArray<{ column: number | null; match: string; text: string; background: string; color: string }>;
  };
}

/** The first colour rule that a cell's text meets, as an inline style ('' for none). */
function colourOf(tab: ReportTab, column: number, text: string): string {
  if (text === '') return '';
  const rule = ((tab as ReportTab & Presentation).format?.colours ?? []).find(
    (r) => (r.column === null || r.column === column) && (r.match === 'contains' ? text.includes(r.text) : text === r.text),
  );
  return rule ? ` style="background:${escapeHtml(rule.background)};color:${escapeHtml(rule.color)}"` : '';
}

function kindsOf(tab: ReportTab): Map<string, string> {
  return new Map(((tab as ReportTab & Presentation).format?.numbers ?? []).map((n) => [`${n.row},${n.column}`, n.kind]));
}

/** A number in a table, as its kind reads (34,1%, € 186.000, 24-11-2026), else with the language's separators: 186.000 and 2.357,8 in Dutch. */
function tableNumber(value: number, language: Language, plain: boolean, kind?: string): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  if (kind === 'percent') return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.round(value * 1000) / 10)}%`;
  if (kind === 'euro') return `€ ${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(value))}`;
  if (kind === 'date') return formatDay(value);
  if (kind === 'whole') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(value));
  if (kind === 'decimal') return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  if (plain) return cellText(value, language);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/**
 * Escaped text in which no word breaks inside: a word with a hyphen or slash (24-11-2026,
 * Waarde-add, t/m) would otherwise wrap at it when a table is narrow.
 */
function unbroken(text: string): string {
  return text
    .split(/(\s+)/)
    .map((part) => (/[-/–]/.test(part) && !/\s/.test(part) ? `<span class="w">${escapeHtml(part)}</span>` : escapeHtml(part)))
    .join('');
}

/** Label and value pairs of a chart, read from the block (the header row skipped); null where the cell holds no number. */
export function chartData(tab: ReportTab, chart: ChartSpec): Array<{ label: string; value: number | null }> {
  const out: Array<{ label: string; value: number | null }> = [];
  const kinds = kindsOf(tab);
  for (let i = 1; i < chart.domain.numRows; i++) {
    const label = tab.values[chart.domain.row - 1 + i]?.[chart.domain.column - 1];
    const row = chart.series.row + i;
    const value = tab.values[row - 1]?.[chart.series.column - 1];
    // A share kept as 0-1 with a percentage format is drawn 0-100, like a percentage kept as 0-100.
    const share = kinds.get(`${row},${chart.series.column}`) === 'percent';
    out.push({ label: String(label ?? ''), value: typeof value === 'number' ? (share ? Math.round(value * 1000) / 10 : value) : null });
  }
  return out;
}

const PALETTE = ['#1a73e8', '#e8710a', '#188038', '#d93025', '#9334e6', '#12b5cb', '#f9ab00', '#5f6368', '#b31412', '#0d652d'];
/** The charts' drawing width in SVG units; text is FONT units high (see the header comment). */
const WIDTH = 400;
const FONT = 12;

/** At most `max` characters, with an ellipsis; an e-mail address shows its name part. */
function short(label: string, max: number): string {
  const name = /^[^@\s]+@[^@\s]+$/.test(label) ? label.slice(0, label.indexOf('@')) : label;
  const chars = Array.from(name);
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : name;
}

/** A chart: its title as text that wraps on a narrow screen, the drawing, and a line under it where needed. */
function figure(title: string, drawing: { height: number; body: string } | null, caption: string | null): string {
  const svg = drawing
    ? `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${drawing.height}" xmlns="http://www.w3.org/2000/svg" font-size="${FONT}">${drawing.body}</svg>`
    : '';
  return `<figure><p class="chart-title">${escapeHtml(title)}</p>${svg}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

/** What a chart without a value for some labels says under it. */
function missingCaption(data: Array<{ label: string; value: number | null }>, words: Catalogue['report']): string | null {
  const missing = data.filter((d) => d.value === null).map((d) => d.label);
  if (missing.length === 0) return null;
  if (missing.length === data.length) return words.htmlChartEmpty;
  return fill(words.htmlNoBars, { labels: missing.join(', ') });
}

function columnChart(title: string, data: Array<{ label: string; value: number | null }>, language: Language, words: Catalogue['report']): string {
  if (data.every((d) => d.value === null)) return figure(title, null, words.htmlChartEmpty);
  const height = 210;
  const left = 28;
  const right = 4;
  const top = 20;
  const bottom = 40;
  const plotHeight = height - top - bottom;
  const step = (WIDTH - left - right) / Math.max(1, data.length);
  // Month labels ("nov 2025") on two lines, the year only where it starts or changes.
  const months = data.length > 0 && data.every((d) => /^\S+ \d{4}$/.test(d.label));
  const maxChars = Math.max(3, Math.floor(step / (FONT * 0.6)));
  const base = top + plotHeight;
  const slots = data
    .map((d, i) => {
      const centre = left + i * step + step / 2;
      const [name, year] = months ? d.label.split(' ') : [short(d.label, maxChars), ''];
      const showYear = months && (i === 0 || data[i - 1].label.split(' ')[1] !== year);
      const label =
        `<text x="${centre.toFixed(1)}" y="${base + 15}" text-anchor="middle">${escapeHtml(name)}</text>` +
        (showYear ? `<text x="${centre.toFixed(1)}" y="${base + 30}" text-anchor="middle" fill="#5f6368">${escapeHtml(year)}</text>` : '');
      if (d.value === null) {
        // No bar and no 0: the slot says in words that there is nothing to measure.
        return `${label}<text class="no-data" transform="translate(${(centre + 4).toFixed(1)},${base - 6}) rotate(-90)" fill="#80868b" font-style="italic">${escapeHtml(words.htmlNoData)}</text>`;
      }
      const h = (Math.max(0, Math.min(100, d.value)) / 100) * plotHeight;
      const y = base - h;
      const width = Math.min(step * 0.7, 48);
      return (
        `<rect x="${(centre - width / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[0]}"><title>${escapeHtml(d.label)}: ${cellText(d.value, language)}%</title></rect>` +
        label +
        `<text x="${centre.toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${cellText(Math.round(d.value), language)}</text>`
      );
    })
    .join('');
  const grid = [0, 50, 100]
    .map((p) => {
      const y = base - (p / 100) * plotHeight;
      return `<line x1="${left}" x2="${WIDTH - right}" y1="${y}" y2="${y}" stroke="#dadce0"/><text x="${left - 4}" y="${y + 4}" text-anchor="end" fill="#5f6368">${p}</text>`;
    })
    .join('');
  return figure(title, { height, body: grid + slots }, missingCaption(data, words));
}

/** The ten largest slices and the rest together, so that a long client list stays readable. */
function pieChart(title: string, data: Array<{ label: string; value: number | null }>, other: string, language: Language, words: Catalogue['report']): string {
  const sorted = data.filter((d): d is { label: string; value: number } => d.value !== null && d.value > 0).sort((a, b) => b.value - a.value);
  if (sorted.length === 0) return figure(title, null, words.htmlChartEmpty);
  const slices = sorted.slice(0, 10);
  const rest = sorted.slice(slices.length).reduce((s, d) => s + d.value, 0);
  if (rest > 0) slices.push({ label: other, value: Math.round(rest * 10) / 10 });
  const total = slices.reduce((s, d) => s + d.value, 0) || 1;
  const r = 80;
  const cx = r + 2;
  const cy = 4 + r;
  let angle = -Math.PI / 2;
  const paths = slices
    .map((d, i) => {
      const sweep = (d.value / total) * Math.PI * 2;
      const colour = PALETTE[i % PALETTE.length];
      const label = `<title>${escapeHtml(d.label)}: ${cellText(d.value, language)}%</title>`;
      if (sweep >= Math.PI * 2 - 1e-9) return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}">${label}</circle>`;
      const [x1, y1] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
      angle += sweep;
      const [x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
      return `<path d="M${cx},${cy} L${x1.toFixed(2)},${y1.toFixed(2)} A${r},${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2.toFixed(2)},${y2.toFixed(2)} Z" fill="${colour}" stroke="#fff">${label}</path>`;
    })
    .join('');
  const legendX = cx + r + 14;
  const legend = slices
    .map((d, i) => `<rect x="${legendX}" y="${6 + i * 19}" width="11" height="11" fill="${PALETTE[i % PALETTE.length]}"/><text x="${legendX + 16}" y="${16 + i * 19}">${escapeHtml(short(d.label, 24))} ${cellText(d.value, language)}%</text>`)
    .join('');
  const height = Math.max(cy + r + 4, 10 + slices.length * 19);
  return figure(title, { height, body: paths + legend }, null);
}

/** The pipeline's funnel: one centred bar per stage, as wide as its share of the top (0-100). */
function funnelChart(title: string, data: Array<{ label: string; value: number | null }>, language: Language, words: Catalogue['report']): string {
  const top = 2;
  const rowHeight = 30;
  const labelWidth = 84;
  const plotWidth = WIDTH - labelWidth - 4;
  const height = top + data.length * rowHeight + 4;
  const bars = data
    .map((d, i) => {
      const y = top + i * rowHeight;
      const name = `<text x="${labelWidth - 6}" y="${y + rowHeight / 2}" text-anchor="end">${escapeHtml(short(d.label, 12))}</text>`;
      if (d.value === null) return `<g class="funnel-step">${name}<text x="${labelWidth + plotWidth / 2}" y="${y + rowHeight / 2}" text-anchor="middle" fill="#80868b" font-style="italic">${escapeHtml(words.htmlNoData)}</text></g>`;
      const w = Math.max(2, (Math.max(0, Math.min(100, d.value)) / 100) * plotWidth);
      const x = labelWidth + (plotWidth - w) / 2;
      // The share sits on the bar when it is wide enough, else beside it in dark text.
      const inside = w >= 44;
      return (
        `<g class="funnel-step"><rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${PALETTE[i % PALETTE.length]}"><title>${escapeHtml(d.label)}: ${cellText(d.value, language)}%</title></rect>` +
        name +
        `<text x="${(inside ? labelWidth + plotWidth / 2 : x + w + 4).toFixed(1)}" y="${y + rowHeight / 2}" text-anchor="${inside ? 'middle' : 'start'}" fill="${inside ? '#fff' : '#202124'}" font-weight="bold">${cellText(d.value, language)}%</text></g>`
      );
    })
    .join('');
  return figure(title, { height, body: bars }, missingCaption(data, words));
}

interface Section {
  id: string;
  title: string;
  body: string[];
}

/** A table being collected: its header and rows, rendered once complete. */
interface TableDraft {
  header: unknown[] | null;
  /** Each row with its 1-based row number in the tab. */
  rows: Array<{ n: number; note: boolean; cells: unknown[] }>;
}

/**
 * A section title split for reading on a narrow screen: the heading up to its explanation (in
 * brackets, or after a colon when the title is long), and that explanation, shown under it.
 */
export function splitTitle(title: string): { heading: string; detail: string } {
  // A count in brackets, "(2)", stays in the heading; words in brackets are the explanation.
  const bracket = /\s\((?=[^)]*\s)/.exec(title);
  let heading = bracket ? title.slice(0, bracket.index) : title;
  const colon = heading.indexOf(': ');
  if (title.length > 50 && colon >= 10) heading = heading.slice(0, colon);
  let detail = title.slice(heading.length).replace(/^:\s*/, '').trim();
  if (detail.startsWith('(') && detail.endsWith(')') && !detail.slice(1).includes('(')) detail = detail.slice(1, -1);
  return { heading, detail };
}

function tabHtml(id: string, name: string, tab: ReportTab, language: Language, options: { cards: boolean; fold: boolean }): string {
  const words = catalogue(language).report;
  const charts = tab.charts
    .map((c) =>
      c.kind === 'pie' ? pieChart(c.title, chartData(tab, c), language === 'nl' ? 'overig' : 'other', language, words)
      : c.kind === 'funnel' ? funnelChart(c.title, chartData(tab, c), language, words)
      : columnChart(c.title, chartData(tab, c), language, words),
    )
    .join('');
  const text = (value: unknown) => cellText(value, language);
  let generated = '';
  const intro: string[] = [];
  const sections: Section[] = [];
  const body = () => (sections.length ? sections[sections.length - 1].body : intro);
  let table: TableDraft = { header: null, rows: [] };

  const kinds = kindsOf(tab);
  const italic = new Set((tab as ReportTab & Presentation).format?.italic ?? []);
  const cell = (tag: 'td' | 'th', value: unknown, extra: { label?: string; span?: number; className?: string; header?: string; kind?: string; column?: number } = {}) => {
    const t = typeof value === 'number' ? tableNumber(value, language, PLAIN_COLUMNS.has(extra.header ?? ''), extra.kind) : text(value);
    const classes = [typeof value === 'number' ? 'n' : '', t !== '' && !/\s/.test(t) ? 'w' : '', extra.className ?? ''].filter(Boolean).join(' ');
    const span = extra.span ?? 1;
    const style = tag === 'td' && extra.column ? colourOf(tab, extra.column, t) : '';
    const attributes = `${classes ? ` class="${classes}"` : ''}${span > 1 ? ` colspan="${span}"` : ''}${extra.label && t !== '' ? ` data-label="${escapeHtml(extra.label)}"` : ''}${style}`;
    return `<${tag}${attributes}>${unbroken(t)}</${tag}>`;
  };

  const flush = () => {
    const { header, rows } = table;
    table = { header: null, rows: [] };
    if (rows.length === 0 && header === null) return;
    // A column with a header but nothing under it (the Vandaag tab's links, which only Sheets has) is left out.
    const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.cells.length));
    const shown = Array.from({ length: width }, (_, k) => k).filter((k) => header === null || rows.length === 0 || rows.some((r) => !r.note && text(r.cells[k]) !== ''));
    const labels = header ? header.map(text) : [];
    // A table whose first column is the tab's own marker (vandaag, actie): on a card that is a tag
    // and the next column, the relationship, its title.
    const marked = options.cards && labels[0] === name;
    const html: string[] = [];
    if (header) html.push(`<tr class="head">${shown.map((k) => cell('th', header[k] ?? '')).join('')}</tr>`);
    for (const row of rows) {
      if (row.note) {
        html.push(`<tr class="note">${cell('td', row.cells.find((c) => text(c) !== ''), { span: shown.length })}</tr>`);
        continue;
      }
      html.push(`<tr>${shown.map((k, position) => {
        const className = marked && position === 0 ? 'tag' : marked && position === 1 ? 'lead' : '';
        return cell('td', row.cells[k] ?? '', { label: className ? undefined : labels[k], className, header: labels[k], kind: kinds.get(`${row.n},${k + 1}`), column: k + 1 });
      }).join('')}</tr>`);
    }
    body().push(`<div class="scroll"><table${options.cards ? ' class="cards"' : ''}>${html.join('')}</table></div>`);
  };

  tab.values.forEach((row, i) => {
    const n = i + 1;
    const cells = [...row];
    while (cells.length > 0 && (cells[cells.length - 1] === '' || cells[cells.length - 1] === null)) cells.pop();
    const filled = cells.filter((c) => text(c) !== '');
    if (n === 1) generated = text(cells[0]);
    else if (cells.length === 0) flush();
    else if (tab.titleRows.includes(n)) {
      flush();
      sections.push({ id: `${id}-${sections.length + 1}`, title: text(cells[0]), body: [] });
    } else if (tab.headerRows.includes(n)) {
      flush();
      table.header = cells;
    } else if (italic.has(n) && filled.length === 1) {
      // An explanation in plain words or the legend (in italics in the tab): a paragraph of its own.
      flush();
      body().push(`<p class="why">${escapeHtml(text(filled[0]))}</p>`);
    } else if (filled.length === 1 && typeof filled[0] === 'string' && table.header === null && table.rows.length === 0) {
      // A line of its own (a message, an explanation): a paragraph, not a one-cell table.
      body().push(`<p>${escapeHtml(filled[0])}</p>`);
    } else {
      // One text in a row of a wider table (a count, the coming days): a note across the table.
      const note = filled.length === 1 && typeof filled[0] === 'string' && (table.header?.length ?? 0) > 1 && cells.length < (table.header?.length ?? 0);
      table.rows.push({ n, note, cells });
    }
  });
  flush();
  const index = options.fold && sections.length > 1
    ? `<nav class="sections" aria-label="${escapeHtml(`${name}: ${words.htmlSections}`)}"><span>${escapeHtml(words.htmlSections)}</span> ${sections.map((s) => `<a href="#${s.id}">${escapeHtml(splitTitle(s.title).heading)}</a>`).join(' ')}</nav>`
    : '';
  const parts = sections.map((s) => {
    const { heading, detail } = splitTitle(s.title);
    const sub = detail ? `<p class="sub">${escapeHtml(detail)}</p>` : '';
    return options.fold
      ? `<details class="fold" id="${s.id}"><summary><h2>${escapeHtml(heading)}</h2></summary>${sub}${s.body.join('\n')}</details>`
      : `<section id="${s.id}"><h2>${escapeHtml(heading)}</h2>${sub}${s.body.join('\n')}</section>`;
  });
  return `<section class="tab" id="${id}"><h1>${escapeHtml(name)}</h1>${generated ? `<p class="generated">${escapeHtml(generated)}</p>` : ''}${index}${charts ? `<div class="charts">${charts}</div>` : ''}${intro.join('\n')}${parts.join('\n')}</section>`;
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Open Sans",Arial,sans-serif;margin:0 auto;padding:0 24px 24px;color:#202124;max-width:1100px;line-height:1.4}
h1,h2,p,figcaption,summary{overflow-wrap:break-word}
h1{font-size:22px;border-bottom:2px solid #1a73e8;padding-bottom:4px;margin:28px 0 8px}
h1.title{font-size:24px;border:none;margin:16px 0 8px}
h2{font-size:15px;margin:18px 0 2px}
p.sub{color:#5f6368;font-size:13px;margin:0 0 6px}
p.why{color:#5f6368;font-size:13px;font-style:italic;margin:0 0 6px}
p{margin:4px 0 8px;font-size:14px}
nav.tabs{position:sticky;top:0;z-index:1;background:#fff;display:flex;gap:8px;flex-wrap:wrap;padding:8px 0;border-bottom:1px solid #dadce0}
nav.tabs a{padding:6px 14px;border-radius:16px;background:#e8f0fe;color:#174ea6;text-decoration:none;font-weight:bold;font-size:14px}
section.tab,section[id],details.fold{scroll-margin-top:56px}
nav.sections{font-size:13px;margin:4px 0 12px;color:#5f6368}
nav.sections a{color:#174ea6;margin-right:10px;white-space:nowrap}
.notice{border-left:4px solid #f9ab00;background:#fef7e0;padding:10px 12px;font-size:15px}
.scroll{overflow-x:auto;max-width:100%;margin-bottom:8px}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #dadce0;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f4}
.w{white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.generated{color:#5f6368;font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:16px 32px;margin:8px 0}
figure{margin:0;width:480px;max-width:100%}
figcaption{font-size:13px;color:#5f6368}
.chart-title{font-weight:bold;font-size:14px;margin:0 0 4px}
svg{display:block;width:100%;height:auto;font-family:inherit}
details.fold>summary{cursor:pointer}
details.fold>summary h2{display:inline}
@supports selector(::details-content){
  @media (min-width:601px){
    details.fold::details-content{content-visibility:visible}
    details.fold>summary{list-style:none;pointer-events:none;margin:18px 0 6px}
    details.fold>summary::-webkit-details-marker{display:none}
  }
}
@media print{nav.tabs{position:static}}
@media (max-width:600px){
  body{padding:0 12px 16px}
  h1{font-size:20px}
  h1.title{font-size:20px}
  details.fold{border-bottom:1px solid #dadce0;padding:2px 0}
  details.fold>summary{padding:4px 0}
  details.fold>summary h2{font-size:14px}
  nav.sections{display:none}
  table.cards,table.cards tbody{display:block}
  table.cards tr.head{display:none}
  table.cards tr{display:flex;flex-wrap:wrap;gap:0 12px;border:1px solid #dadce0;border-radius:6px;padding:6px 10px;margin-bottom:6px}
  table.cards td{display:block;border:none;padding:0;text-align:left}
  table.cards td:empty{display:none}
  table.cards td[data-label]::before{content:attr(data-label) ": ";color:#5f6368}
  table.cards td.tag{background:#e8f0fe;color:#174ea6;border-radius:10px;padding:0 8px;font-size:12px;align-self:center}
  table.cards td.lead{font-weight:bold}
  table.cards tr.note{border-style:dashed;color:#5f6368}
}
`;

export interface ReportPageOptions {
  /** How many relationships the workbook holds: with none, the page says so at the top. */
  relations?: number;
  /** The relationships tab's name as the workbook has it, for that message. */
  relationsSheet?: string | null;
}

export function reportHtml(reports: ReportTabs, language: Language, title: string, options: ReportPageOptions = {}): string {
  const words = catalogue(language).report;
  const tabs: Array<{ id: string; name: string; tab: ReportTab; cards: boolean; fold: boolean }> = [];
  if (reports.today) tabs.push({ id: 'vandaag', name: language === 'nl' ? 'Vandaag' : 'Today', tab: reports.today, cards: true, fold: false });
  tabs.push({ id: 'kpi', name: 'KPI', tab: reports.kpi, cards: false, fold: true });
  tabs.push({ id: 'risico', name: language === 'nl' ? 'Risico' : 'Risk', tab: reports.risk, cards: false, fold: true });
  const empty = options.relations === 0
    ? `<p class="notice" role="status">${escapeHtml(fill(words.htmlEmptyWorkbook, { tab: options.relationsSheet || (language === 'nl' ? 'Relaties' : 'Relations') }))}</p>`
    : '';
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${words.reportTitle}: ${title}`)}</title>
<style>${STYLE}</style></head><body>
<h1 class="title">${escapeHtml(`${words.reportTitle}: ${title}`)}</h1>
<nav class="tabs" aria-label="${escapeHtml(words.htmlNav)}">${tabs.map((t) => `<a href="#${t.id}">${escapeHtml(t.name)}</a>`).join('')}</nav>
${empty}
${tabs.map((t) => tabHtml(t.id, t.name, t.tab, language, t)).join('\n')}
</body></html>
`;
}
