// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../extract';
import { segmentsForRange } from './blocks';
import { ExtractionCache, scanBlocks } from './scan';

async function scan(html: string) {
  document.body.innerHTML = html;
  const result = await scanBlocks(document.body, { extract: extractIndicators, cache: new ExtractionCache() });
  return result.figures.map((f) => ({
    text: segmentsForRange(f.block, f.indicator.start, f.indicator.end)
      .map((s) => s.node.data.slice(s.start, s.end))
      .join(''),
    value: f.indicator.value,
    unit: f.indicator.unit,
    role: f.indicator.role,
    label: f.indicator.label,
    sentence: f.sentence,
    cell: f.block.container.closest('td,th,[role=cell],[role=gridcell]')?.tagName ?? null,
  }));
}

const BULLETIN = `
  <p>表1 2023年主要经济指标</p>
  <table>
    <thead><tr><th>指标</th><th>单位</th><th>2023年完成</th><th>2024年目标</th><th>增长%</th></tr></thead>
    <tbody>
      <tr><td>地区生产总值</td><td>亿元</td><td>245.6</td><td>262</td><td>6.5</td></tr>
      <tr><td>其中：第二产业增加值</td><td>亿元</td><td><span>98</span>.4</td><td>—</td><td>4.1</td></tr>
      <tr><td rowspan="2">城镇新增就业</td><td>人</td><td>5600</td><td>6000</td><td></td></tr>
    </tbody>
  </table>`;

describe('data tables in the page', () => {
  it('reads every numeric cell of a <table> as a figure of its row and column, and nothing else', async () => {
    const figures = await scan(BULLETIN);
    expect(figures.map((f) => [f.text, f.value, f.unit, f.role, f.label])).toEqual([
      ['245.6', 24560000000, '元', 'actual', '2023年地区生产总值'],
      ['262', 26200000000, '元', 'target', '2024年地区生产总值'],
      ['6.5', 6.5, '%', 'target', '2024年地区生产总值'],
      ['98.4', 9840000000, '元', 'actual', '2023年第二产业增加值'],
      ['4.1', 4.1, '%', 'target', '2024年第二产业增加值'],
      ['5600', 5600, '人', 'actual', '2023年城镇新增就业'],
      ['6000', 6000, '人', 'target', '2024年城镇新增就业'],
    ]);
    expect(figures.every((f) => f.cell === 'TD')).toBe(true);
    expect(figures[1].sentence).toBe('地区生产总值（亿元） 2024年目标：262');
  });

  it('reads a role="table" div grid the same way', async () => {
    const figures = await scan(`
      <div role="table" aria-label="单位：万元">
        <div role="row"><div role="columnheader">项目</div><div role="columnheader">预算数</div><div role="columnheader">上年决算数</div></div>
        <div role="row"><div role="rowheader">教育支出</div><div role="cell">1200</div><div role="cell">1100</div></div>
        <div role="row"><div role="rowheader">卫生健康支出</div><div role="cell">800.5</div><div role="cell">760</div></div>
      </div>`);
    expect(figures.map((f) => [f.text, f.value, f.unit, f.role, f.label])).toEqual([
      ['1200', 12000000, '元', 'target', '教育支出'],
      ['1100', 11000000, '元', 'actual', '教育支出'],
      ['800.5', 8005000, '元', 'target', '卫生健康支出'],
      ['760', 7600000, '元', 'actual', '卫生健康支出'],
    ]);
  });

  it('leaves a plain div grid without table semantics to the running-text reader', async () => {
    const figures = await scan(`
      <div class="grid"><div>项目</div><div>预算数</div></div>
      <div class="grid"><div>教育支出</div><div>1200</div></div>`);
    expect(figures.map((f) => f.text)).toEqual([]);
  });

  it('leaves a layout table to the running-text reader, figures in its sentences found as usual', async () => {
    const sentence = '全年地区生产总值增长5.5%左右，城镇新增就业1.2万人以上，完成固定资产投资48.6亿元。';
    const asText = extractIndicators(sentence).map((i) => [i.text, i.role, i.label]);
    expect(asText).toHaveLength(3);
    for (const markup of ['<table role="presentation">', '<table>']) {
      const figures = await scan(`
        ${markup}<tr><td>首页 | 政务公开</td><td>2024-05-01</td></tr>
        <tr><td><p>${sentence}</p></td><td>相关链接</td></tr>
        <tr><td>版权所有 联系我们</td><td>网站地图</td></tr></table>`);
      expect(figures.map((f) => [f.text, f.role, f.label])).toEqual(asText);
      expect(figures.every((f) => f.sentence === undefined)).toBe(true);
    }
  });

  it('reads a data table nested in a layout table as data, the layout one as text', async () => {
    const figures = await scan(`
      <table><tr><td>
        <p>今年以来经济运行稳中有进，完成投资48.6亿元。</p>
        <table><tr><th>指标</th><th>完成</th></tr><tr><td>出口（亿元）</td><td>12.5</td></tr><tr><td>进口（亿元）</td><td>8.5</td></tr></table>
      </td><td>侧栏</td></tr></table>`);
    expect(figures.map((f) => [f.text, f.value, f.label])).toEqual([
      ['48.6亿元', 4860000000, '投资'],
      ['12.5', 1250000000, '出口'],
      ['8.5', 850000000, '进口'],
    ]);
  });
});

describe('a data table with a column of sentences', () => {
  it('reads the amounts as table figures and the sentences as running text', async () => {
    const figures = await scan(`
      <table>
        <tr><th>项目名称</th><th>建设内容及规模</th><th>总投资（亿元）</th></tr>
        <tr><td>城北污水处理厂</td><td>新建日处理能力5万吨的污水处理厂一座，配套建设管网12公里及提升泵站两座</td><td>3.2</td></tr>
        <tr><td>滨江大道改造</td><td>改造道路4.6公里，同步实施雨污分流、绿化提升和照明工程，完善沿线公共服务设施</td><td>5.8</td></tr>
      </table>`);
    expect(figures.filter((f) => f.sentence !== undefined).map((f) => [f.text, f.label])).toEqual([
      ['3.2', '城北污水处理厂总投资'],
      ['5.8', '滨江大道改造总投资'],
    ]);
    const asText = figures.filter((f) => f.sentence === undefined).map((f) => f.text);
    expect(asText).toEqual(expect.arrayContaining(['5万吨', '12公里', '4.6公里']));
  });
});

describe('spans and bounds', () => {
  it('places rowspan and colspan cells: a category over its rows, a year over 目标 / 完成', async () => {
    const figures = await scan(`
      <table>
        <tr><th rowspan="2">类别</th><th rowspan="2">指标</th><th colspan="2">2024年</th></tr>
        <tr><th>目标</th><th>完成</th></tr>
        <tr><td rowspan="2">农业</td><td>粮食产量（万吨）</td><td>45</td><td>46.2</td></tr>
        <tr><td>生猪出栏（万头）</td><td>120</td><td>118</td></tr>
      </table>`);
    expect(figures.map((f) => [f.text, f.value, f.unit, f.role, f.label])).toEqual([
      ['45', 450000, '吨', 'target', '2024年粮食产量'],
      ['46.2', 462000, '吨', 'actual', '2024年粮食产量'],
      ['120', 1200000, '头', 'target', '2024年生猪出栏'],
      ['118', 1180000, '头', 'actual', '2024年生猪出栏'],
    ]);
  });

  it('survives absurd spans and reads nothing into hidden cells', async () => {
    const figures = await scan(`
      <table>
        <tr><th>指标</th><th colspan="100000">2023年完成</th></tr>
        <tr><td rowspan="99999">产值（亿元）</td><td>12.5<span hidden>999</span></td></tr>
        <tr><td>13</td></tr>
      </table>`);
    expect(figures.map((f) => [f.text, f.value])).toEqual([
      ['12.5', 1250000000],
      ['13', 1300000000],
    ]);
  });
});
