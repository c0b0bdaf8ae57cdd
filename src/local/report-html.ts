// report.html: the KPI and Risico tabs as one offline page, their charts drawn as inline SVG from
// the same blocks the workbook gets (nothing is loaded from anywhere, no script runs). Every
// value is escaped: user text shows as text.

import type { ReportTab, ReportTabs } from '../engine/report-tabs';
import type { Language } from '../core/locale';
import type { ChartSpec } from '../workbook/ports';
import { catalogue } from '../i18n/catalogue';
import { formatDay } from '../core/dates';
import type { NumberKind } from '../workbook/ports';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A cell as the spreadsheet shows it with its number format: 34,1%, € 186.000, 24-11-2026. */
function cellText(value: unknown, language: Language, kind?: NumberKind): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  if (typeof value === 'number' && kind === 'percent') return `${(Math.round(value * 1000) / 10).toLocaleString(locale, { minimumFractionDigits: 1 })}%`;
  if (typeof value === 'number' && kind === 'euro') return `€ ${Math.round(value).toLocaleString(locale)}`;
  if (typeof value === 'number' && kind === 'date') return formatDay(value);
  if (typeof value === 'number' && kind === 'whole') return Math.round(value).toLocaleString(locale);
  if (typeof value === 'number' && kind === 'decimal') return value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (typeof value === 'number') return language === 'nl' ? String(value).replace('.', ',') : String(value);
  return value === null || value === undefined ? '' : String(value);
}

/** Label and value pairs of a chart, read from the block (the header row skipped). */
export function chartData(tab: ReportTab, chart: ChartSpec): Array<{ label: string; value: number }> {
  const out: Array<{ label: string; value: number }> = [];
  const shares = new Set(tab.format.numbers.filter((n) => n.column === chart.series.column && n.kind === 'percent').map((n) => n.row));
  for (let i = 1; i < chart.domain.numRows; i++) {
    const label = tab.values[chart.domain.row - 1 + i]?.[chart.domain.column - 1];
    const row = chart.series.row + i;
    const value = tab.values[row - 1]?.[chart.series.column - 1];
    // A share is stored as 0-1 (formatted as a percentage); the charts draw 0-100.
    const share = shares.has(row);
    out.push({ label: String(label ?? ''), value: typeof value === 'number' ? (share ? Math.round(value * 1000) / 10 : value) : 0 });
  }
  return out;
}

const PALETTE = ['#1a73e8', '#e8710a', '#188038', '#d93025', '#9334e6', '#12b5cb', '#f9ab00', '#5f6368', '#b31412', '#0d652d'];

function columnChart(title: string, data: Array<{ label: string; value: number }>, language: Language): string {
  const width = 640;
  const height = 260;
  const left = 36;
  const bottom = 48;
  const top = 40;
  const plotHeight = height - top - bottom;
  const step = (width - left - 10) / Math.max(1, data.length);
  const bars = data
    .map((d, i) => {
      const h = (Math.max(0, Math.min(100, d.value)) / 100) * plotHeight;
      const x = left + i * step + step * 0.15;
      const y = top + plotHeight - h;
      return (
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[0]}"><title>${escapeHtml(d.label)}: ${cellText(d.value, language)}%</title></rect>` +
        `<text x="${(x + step * 0.35).toFixed(1)}" y="${height - bottom + 14}" font-size="10" text-anchor="middle">${escapeHtml(d.label)}</text>` +
        `<text x="${(x + step * 0.35).toFixed(1)}" y="${(y - 3).toFixed(1)}" font-size="10" text-anchor="middle">${cellText(d.value, language)}</text>`
      );
    })
    .join('');
  const grid = [0, 25, 50, 75, 100]
    .map((p) => {
      const y = top + plotHeight - (p / 100) * plotHeight;
      return `<line x1="${left}" x2="${width - 10}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${left - 4}" y="${y + 3}" font-size="10" text-anchor="end">${p}</text>`;
    })
    .join('');
  return `<figure><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><text x="${left}" y="16" font-size="13" font-weight="bold">${escapeHtml(title)}</text>${grid}${bars}</svg></figure>`;
}

/** The ten largest slices and the rest together, so that a long client list stays readable. */
function pieChart(title: string, data: Array<{ label: string; value: number }>, other: string, language: Language): string {
  const sorted = [...data].sort((a, b) => b.value - a.value);
  const slices = sorted.slice(0, 10);
  const rest = sorted.slice(10).reduce((s, d) => s + d.value, 0);
  if (rest > 0) slices.push({ label: other, value: Math.round(rest * 10) / 10 });
  const total = slices.reduce((s, d) => s + d.value, 0) || 1;
  const cx = 120;
  const cy = 140;
  const r = 100;
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
  const legend = slices
    .map((d, i) => `<rect x="250" y="${40 + i * 20}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/><text x="268" y="${50 + i * 20}" font-size="11">${escapeHtml(d.label.length > 40 ? `${Array.from(d.label).slice(0, 39).join('')}…` : d.label)} (${cellText(d.value, language)}%)</text>`)
    .join('');
  const height = Math.max(260, 60 + slices.length * 20);
  return `<figure><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 640 ${height}" width="640" height="${height}" xmlns="http://www.w3.org/2000/svg"><text x="10" y="16" font-size="13" font-weight="bold">${escapeHtml(title)}</text>${paths}${legend}</svg></figure>`;
}

/** The pipeline's funnel: one centred bar per stage, as wide as its share of the top (0-100). */
function funnelChart(title: string, data: Array<{ label: string; value: number }>, language: Language): string {
  const width = 640;
  const top = 32;
  const rowHeight = 34;
  const labelWidth = 120;
  const plotWidth = width - labelWidth - 20;
  const height = top + data.length * rowHeight + 8;
  const bars = data
    .map((d, i) => {
      const w = Math.max(2, (Math.max(0, Math.min(100, d.value)) / 100) * plotWidth);
      const x = labelWidth + (plotWidth - w) / 2;
      const y = top + i * rowHeight;
      return (
        `<g class="funnel-step"><rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${PALETTE[i % PALETTE.length]}"><title>${escapeHtml(d.label)}: ${cellText(d.value, language)}%</title></rect>` +
        `<text x="${labelWidth - 8}" y="${y + rowHeight / 2}" font-size="12" text-anchor="end">${escapeHtml(d.label)}</text>` +
        `<text x="${labelWidth + plotWidth / 2}" y="${y + rowHeight / 2}" font-size="12" text-anchor="middle" fill="#fff" font-weight="bold">${cellText(d.value, language)}%</text></g>`
      );
    })
    .join('');
  return `<figure><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><text x="10" y="16" font-size="13" font-weight="bold">${escapeHtml(title)}</text>${bars}</svg></figure>`;
}

function tabHtml(name: string, tab: ReportTab, language: Language): string {
  const charts = tab.charts
    .map((c) =>
      c.kind === 'pie' ? pieChart(c.title, chartData(tab, c), language === 'nl' ? 'overig' : 'other', language)
      : c.kind === 'funnel' ? funnelChart(c.title, chartData(tab, c), language)
      : columnChart(c.title, chartData(tab, c), language),
    )
    .join('');
  const parts: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (table.length) parts.push(`<table>${table.join('')}</table>`);
    table = [];
  };
  const kinds = new Map(tab.format.numbers.map((k) => [`${k.row},${k.column}`, k.kind]));
  tab.values.forEach((row, i) => {
    const n = i + 1;
    const cells = [...row];
    while (cells.length > 0 && (cells[cells.length - 1] === '' || cells[cells.length - 1] === null)) cells.pop();
    if (n === 1) parts.push(`<p class="generated">${escapeHtml(cellText(cells[0], language))}</p>`);
    else if (cells.length === 0) flush();
    else if (tab.format.italic.includes(n)) {
      flush();
      parts.push(`<p class="why">${escapeHtml(cellText(cells[0], language))}</p>`);
    }
    else if (tab.titleRows.includes(n)) {
      flush();
      parts.push(`<h2>${escapeHtml(cellText(cells[0], language))}</h2>`);
    } else if (tab.headerRows.includes(n)) table.push(`<tr>${cells.map((c) => `<th>${escapeHtml(cellText(c, language))}</th>`).join('')}</tr>`);
    else table.push(`<tr>${cells.map((c, j) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${escapeHtml(cellText(c, language, kinds.get(`${n},${j + 1}`)))}</td>`).join('')}</tr>`);
  });
  flush();
  return `<section><h1>${escapeHtml(name)}</h1><div class="charts">${charts}</div>${parts.join('\n')}</section>`;
}

export function reportHtml(reports: ReportTabs, language: Language, title: string): string {
  const words = catalogue(language).report;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${words.reportTitle}: ${title}`)}</title>
<style>
body{font-family:"Open Sans",Arial,sans-serif;margin:24px;color:#202124;max-width:1100px}
h1{font-size:22px;border-bottom:2px solid #1a73e8;padding-bottom:4px;margin-top:32px}
h2{font-size:15px;margin:20px 0 6px}
table{border-collapse:collapse;font-size:12px;margin-bottom:8px}
th,td{border:1px solid #dadce0;padding:3px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere;max-width:420px}
th{background:#f1f3f4}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.generated{color:#5f6368;font-size:12px}
.why{color:#5f6368;font-size:12px;font-style:italic;margin:0 0 6px}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;max-width:100%}
svg{max-width:100%;height:auto;font-family:inherit}
</style></head><body>
<h1 style="border:none;font-size:26px">${escapeHtml(`${words.reportTitle}: ${title}`)}</h1>
${reports.today ? tabHtml(language === 'nl' ? 'Vandaag' : 'Today', reports.today, language) : ''}
${tabHtml('KPI', reports.kpi, language)}
${tabHtml(language === 'nl' ? 'Risico' : 'Risk', reports.risk, language)}
</body></html>
`;
}
