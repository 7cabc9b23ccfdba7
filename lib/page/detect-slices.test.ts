// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectPolicyPage, detectPolicyPageInSlices } from './detect';
import { SliceClock } from './schedule';

afterEach(() => {
  document.body.replaceChildren();
});

/** About 300,000 characters of the page's own words, with `salutation` as a line after `before` of them. */
function longText(salutation: string, before: number): string[] {
  const line = '本段文字用于模拟长篇报告的正文，各项工作稳步推进，全年完成投资任务。'.repeat(3);
  const lines = Array.from({ length: Math.ceil(300_000 / (line.length + 1)) }, () => line);
  lines.splice(Math.floor(before / (line.length + 1)), 0, salutation);
  return lines;
}

function detect(lines: string[]) {
  const input = { indicatorCount: 0, textLength: 0, lines, url: 'https://www.example.com/a.html' };
  return { whole: detectPolicyPage(document, input), sliced: detectPolicyPageInSlices(document, input, new SliceClock(0)) };
}

describe('detection in time slices', () => {
  it.each([
    ['同志们：', 'salutation', 4, 250_000],
    ['各位来宾：', 'salutation', 2, 250_000],
    ['同志们：', 'salutation', 4, 199_990],
  ])('finds %s past the first part of a long text, as the whole text would (%s %d)', async (line, code, points, at) => {
    const { whole, sliced } = detect(longText(line, at));
    expect(whole.reasons.find((r) => r.code === code)?.points).toBe(points);
    expect(await sliced).toEqual(whole);
  });

  it('finds no salutation where there is none, sliced or not', async () => {
    const { whole, sliced } = detect(longText('今年的工作：', 250_000));
    expect(whole.reasons.some((r) => r.code === 'salutation')).toBe(false);
    expect(await sliced).toEqual(whole);
  });
});
