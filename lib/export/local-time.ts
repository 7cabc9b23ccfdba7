/**
 * Times in exports are written in the reader's local time with its offset
 * (2026-11-29T16:45:00+08:00): an analyst in Beijing reads the clock time they clipped at, and a
 * script still gets an unambiguous instant. Stored times are UTC ISO strings.
 */

/** Minutes east of UTC for an instant (Beijing: 480), or a fixed number of minutes. */
export type UtcOffset = number | ((date: Date) => number);

/** The machine's own zone, from the Date itself (so daylight saving follows the date). */
export const localUtcOffset = (date: Date): number => -date.getTimezoneOffset();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `YYYY-MM-DDTHH:mm:ss±HH:MM`, seconds kept, milliseconds dropped (spreadsheets and people read
 * seconds; no clip is told apart by its milliseconds). An unreadable time is returned as given,
 * so nothing is lost.
 */
export function formatLocalTime(iso: string, offset: UtcOffset = localUtcOffset): string {
  const date = new Date(iso);
  const time = date.getTime();
  if (Number.isNaN(time)) return iso;
  const minutes = Math.round(typeof offset === 'function' ? offset(date) : offset);
  // Shift the instant by the offset and read it as UTC: the wall-clock time in that zone.
  // toISOString writes years outside 0–9999 as ±YYYYYY, as ISO 8601's expanded form wants;
  // cutting `.sssZ` leaves the seconds.
  const shifted = new Date(time + minutes * 60_000);
  if (Number.isNaN(shifted.getTime())) return iso; // past the last instant a Date can hold
  const wall = shifted.toISOString();
  return wall.slice(0, wall.length - 5) + offsetText(minutes);
}

/** `+08:00` for 480: one string per offset met (an export has one or two). */
const offsets = new Map<number, string>();
function offsetText(minutes: number): string {
  let text = offsets.get(minutes);
  if (text === undefined) {
    const abs = Math.abs(minutes);
    text = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    offsets.set(minutes, text);
  }
  return text;
}
