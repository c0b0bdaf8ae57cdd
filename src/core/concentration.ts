// Key-client risk: how much of the agency's revenue depends on how few clients (domain brief, 4).

export type ConcentrationVerdict = 'low' | 'moderate' | 'high';

export interface Concentration {
  /** Herfindahl-Hirschman index from percentage shares: 0 (spread) to 10,000 (one client). */
  hhi: number;
  /** Share of the largest client, 0-1. */
  largestShare: number;
  /** Share of the five largest clients together, 0-1. */
  top5Share: number;
  /** 10,000 / HHI: how many equally large clients would give the same concentration. */
  effectiveClients: number;
  verdict: ConcentrationVerdict;
}

/** The bands of the US horizontal merger guidelines (the 2023 edition kept the 1,800 line). */
export const HHI_MODERATE_FROM = 1000;
export const HHI_HIGH_ABOVE = 1800;

export function verdictOf(hhi: number): ConcentrationVerdict {
  if (hhi < HHI_MODERATE_FROM) return 'low';
  return hhi > HHI_HIGH_ABOVE ? 'high' : 'moderate';
}

/** Null when there is no revenue at all. Revenues must not be negative. */
export function concentrationOf(revenues: readonly number[]): Concentration | null {
  const total = revenues.reduce((sum, r) => sum + r, 0);
  if (!(total > 0)) return null;
  const shares = revenues.map((r) => r / total).sort((a, b) => b - a);
  const hhi = shares.reduce((sum, s) => sum + (s * 100) ** 2, 0);
  return {
    hhi,
    largestShare: shares[0],
    top5Share: shares.slice(0, 5).reduce((sum, s) => sum + s, 0),
    effectiveClients: 10_000 / hhi,
    verdict: verdictOf(hhi),
  };
}
