import { describe, expect, it } from 'vitest';
import { formatLocalTime } from './local-time';

describe('formatLocalTime', () => {
  it('writes the wall-clock time of a fixed offset, with the offset', () => {
    expect(formatLocalTime('2026-11-29T08:45:00.000Z', 480)).toBe('2026-11-29T16:45:00+08:00');
    expect(formatLocalTime('2026-11-29T08:45:00.000Z', -300)).toBe('2026-11-29T03:45:00-05:00');
    expect(formatLocalTime('2026-11-29T08:45:00.000Z', 345)).toBe('2026-11-29T14:30:00+05:45');
    expect(formatLocalTime('2026-11-29T08:45:00.000Z', 0)).toBe('2026-11-29T08:45:00+00:00');
  });

  it('crosses midnight and the year end', () => {
    expect(formatLocalTime('2025-12-31T20:00:05.999Z', 480)).toBe('2026-01-01T04:00:05+08:00');
    expect(formatLocalTime('2026-01-01T02:00:00Z', -480)).toBe('2025-12-31T18:00:00-08:00');
  });

  it('asks a zone function per date, so daylight saving follows the date', () => {
    const newYork = (date: Date) => (date.getUTCMonth() >= 2 && date.getUTCMonth() <= 9 ? -240 : -300);
    expect(formatLocalTime('2026-07-01T12:00:00Z', newYork)).toBe('2026-07-01T08:00:00-04:00');
    expect(formatLocalTime('2026-01-01T12:00:00Z', newYork)).toBe('2026-01-01T07:00:00-05:00');
  });

  it('uses the machine zone by default', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(new Date('2026-11-29T08:45:00Z').getTimezoneOffset()).toBe(-480);
    expect(formatLocalTime('2026-11-29T08:45:00Z')).toBe('2026-11-29T16:45:00+08:00');
    process.env.TZ = 'America/New_York';
    expect(formatLocalTime('2026-07-01T12:00:00Z')).toBe('2026-07-01T08:00:00-04:00');
    expect(formatLocalTime('2026-01-01T12:00:00Z')).toBe('2026-01-01T07:00:00-05:00');
    process.env.TZ = 'Asia/Shanghai';
  });

  it('returns an unreadable time as given, losing nothing', () => {
    expect(formatLocalTime('yesterday', 480)).toBe('yesterday');
  });

  it('writes years beyond 0–9999 in the expanded form (±YYYYYY)', () => {
    expect(formatLocalTime('+010000-01-01T00:00:00.000Z', 480)).toBe('+010000-01-01T08:00:00+08:00');
    expect(formatLocalTime('-000001-06-01T12:00:00.000Z', -90)).toBe('-000001-06-01T10:30:00-01:30');
  });
});
