/**
 * Ranks the district's centers by a service figure (按期办结率, 满意率), as e-supervision monthly
 * reports do: highest first, ties share a rank and the next rank skips (1, 2, 2, 4); a center
 * without the figure (nothing completed with a deadline, nothing rated, or a manifest written
 * before the figures existed) is not ranked.
 */
export function rankByFigure(values: readonly (number | null | undefined)[]): (number | null)[] {
  const present = values.filter((v): v is number => typeof v === 'number');
  return values.map((v) => (typeof v === 'number' ? 1 + present.filter((other) => other > v).length : null));
}
