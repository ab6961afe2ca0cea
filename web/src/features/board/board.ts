// The supervision board's data (GET /supervision/board) and how the chart orders it.
export interface LevelCounts {
  none: number;
  yellow: number;
  orange: number;
  red: number;
}

export interface Board {
  at: string;
  totals: LevelCounts;
  byUnit: (LevelCounts & { unitId: string | null; unitName: string | null })[];
  reddest: { ticketId: string; number: string; title: string; unitId: string | null; unitName: string | null; dueAt: string | null; overdueHours: number; supervisionCount: number }[];
}

/** Units with the most serious backlog first: red, then orange, then yellow, then total open. */
export function topUnitsByWarning<T extends LevelCounts>(units: readonly T[], limit: number): T[] {
  const total = (u: LevelCounts) => u.none + u.yellow + u.orange + u.red;
  return units
    .slice()
    .sort((a, b) => b.red - a.red || b.orange - a.orange || b.yellow - a.yellow || total(b) - total(a))
    .slice(0, limit);
}
