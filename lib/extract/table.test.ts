import { describe, expect, it } from 'vitest';
import { type GridCell, gridOfRows, isNumericText, readTable, tableIndicators } from './table';

const bulletin = gridOfRows([
  ['指标', '单位', '2023年完成', '2024年目标', '增长%'],
  ['地区生产总值', '亿元', '245.6', '262', '6.5'],
  ['一般公共预算收入', '万元', '18,350', '19500', '−2.3'],
  ['粮食产量', '万吨', '32.1', '—', '1.2'],
  ['城镇新增就业', '人', '5600', '6000', ''],
]);

const figureAt = (grid: ReturnType<typeof gridOfRows>, text: string, row: number) => {
  const found = tableIndicators(grid).filter((f) => grid.cells[f.cell].row === row && grid.cells[f.cell].text === text);
  expect(found, `one figure "${text}" in row ${row}`).toHaveLength(1);
  return found[0].indicator;
};

describe('numeric cells', () => {
  it('holds one number with at most a sign, qualifier or unit', () => {
    for (const t of ['245.6', '18,350', '−2.3', '-0.5', '5.2%', '≥95', '3.5万', ' 12 ']) expect(isNumericText(t), t).toBe(true);
    for (const t of ['', '—', '2023年', '地区生产总值', '增长5.2%左右的目标', '2023', '2024年底', '12月', '6月30日']) expect(isNumericText(t), t).toBe(false);
  });
});

describe('a bulletin table', () => {
  it('is a data table', () => {
    expect(readTable(bulletin).kind).toBe('data');
  });

  it('reads each numeric cell: label from the row, unit from the unit column, role and year from the column', () => {
    expect(figureAt(bulletin, '245.6', 1)).toMatchObject({
      text: '245.6',
      value: 24560000000,
      unit: '元',
      dimension: 'money',
      role: 'actual',
      label: '2023年地区生产总值',
    });
    expect(figureAt(bulletin, '262', 1)).toMatchObject({ value: 26200000000, unit: '元', role: 'target', label: '2024年地区生产总值' });
    expect(figureAt(bulletin, '18,350', 2)).toMatchObject({ value: 183500000, unit: '元', role: 'actual', label: '2023年一般公共预算收入' });
    expect(figureAt(bulletin, '32.1', 3)).toMatchObject({ value: 321000, unit: '吨', dimension: 'mass' });
    expect(figureAt(bulletin, '5600', 4)).toMatchObject({ value: 5600, unit: '人', dimension: 'count', label: '2023年城镇新增就业' });
  });

  it('reads a 增长% column as percent figures of the same row, with the role of the column before it', () => {
    expect(figureAt(bulletin, '6.5', 1)).toMatchObject({ value: 6.5, unit: '%', dimension: 'percent', role: 'target', label: '2024年地区生产总值' });
    expect(figureAt(bulletin, '−2.3', 2)).toMatchObject({ value: -2.3, unit: '%', role: 'target' });
  });

  it('gives a figure to every numeric cell and to nothing else', () => {
    expect(tableIndicators(bulletin)).toHaveLength(10);
  });

  it('quotes a figure with its row and column headers', () => {
    const f = tableIndicators(bulletin).find((x) => x.indicator.text === '262');
    expect(f?.context).toBe('地区生产总值（亿元） 2024年目标：262');
  });
});

describe('units and roles from headers and captions', () => {
  it('takes the unit from a column header, a row header in brackets, or the caption', () => {
    const byColumn = gridOfRows([
      ['项目', '预算数（万元）', '上年决算数（万元）'],
      ['教育支出', '1200', '1100'],
      ['卫生健康支出', '800.5', '760'],
    ]);
    expect(figureAt(byColumn, '1200', 1)).toMatchObject({ value: 12000000, unit: '元', role: 'target', label: '教育支出' });
    expect(figureAt(byColumn, '760', 2)).toMatchObject({ value: 7600000, role: 'actual' });
    const byRow = gridOfRows([
      ['指标', '2022年', '2023年'],
      ['常住人口（万人）', '120.5', '121.3'],
      ['人均可支配收入（元）', '35000', '37100'],
    ]);
    expect(figureAt(byRow, '121.3', 1)).toMatchObject({ value: 1213000, unit: '人', label: '2023年常住人口', role: 'unknown' });
    expect(figureAt(byRow, '35000', 2)).toMatchObject({ value: 35000, unit: '元', label: '2022年人均可支配收入' });
    const byCaption = gridOfRows(
      [
        ['地区', '收入', '支出'],
        ['城区', '12.5', '10.1'],
        ['郊区', '8.2', '9.9'],
      ],
      '表2 分地区财政收支 单位：亿元',
    );
    expect(figureAt(byCaption, '12.5', 1)).toMatchObject({ value: 1250000000, unit: '元', label: '城区收入' });
    expect(figureAt(byCaption, '9.9', 2)).toMatchObject({ label: '郊区支出' });
  });

  it('reads a traditional-character table', () => {
    const grid = gridOfRows([
      ['項目', '單位', '2023年實際', '2024年預計', '比上年±%'],
      ['一般公共預算收入', '億元', '12.3', '13', '5.7'],
      ['糧食產量', '萬噸', '45', '46', '2.2'],
    ]);
    expect(readTable(grid).kind).toBe('data');
    expect(figureAt(grid, '12.3', 1)).toMatchObject({ value: 1230000000, unit: '元', role: 'actual', label: '2023年一般公共預算收入' });
    expect(figureAt(grid, '13', 1)).toMatchObject({ role: 'target', label: '2024年一般公共預算收入' });
    expect(figureAt(grid, '2.2', 2)).toMatchObject({ value: 2.2, unit: '%', role: 'target', label: '2024年糧食產量' });
    expect(figureAt(grid, '45', 2)).toMatchObject({ value: 450000, unit: '吨' });
  });

  it('joins two header rows and resolves spans (a year over 目标 / 完成)', () => {
    const cells: GridCell[] = [
      { text: '指标', row: 0, col: 0, rowSpan: 2, colSpan: 1, header: true },
      { text: '2024年', row: 0, col: 1, rowSpan: 1, colSpan: 2, header: true },
      { text: '目标', row: 1, col: 1, rowSpan: 1, colSpan: 1, header: true },
      { text: '完成', row: 1, col: 2, rowSpan: 1, colSpan: 1, header: true },
      { text: '新建公园（个）', row: 2, col: 0, rowSpan: 1, colSpan: 1, header: false },
      { text: '12', row: 2, col: 1, rowSpan: 1, colSpan: 1, header: false },
      { text: '14', row: 2, col: 2, rowSpan: 1, colSpan: 1, header: false },
    ];
    const found = tableIndicators({ cells });
    expect(found.map((f) => [f.indicator.value, f.indicator.unit, f.indicator.role, f.indicator.label])).toEqual([
      [12, '个', 'target', '2024年新建公园'],
      [14, '个', 'actual', '2024年新建公园'],
    ]);
  });
});

describe('a table of projects: names, a column of sentences, and amounts', () => {
  const grid = gridOfRows([
    ['序号', '项目名称', '建设内容及规模', '总投资（亿元）', '2024年计划投资（亿元）'],
    ['1', '城北污水处理厂', '新建日处理能力5万吨的污水处理厂一座，配套建设管网12公里及提升泵站两座', '3.2', '1.5'],
    ['2', '滨江大道改造', '改造道路4.6公里，同步实施雨污分流、绿化提升和照明工程，完善沿线公共服务设施', '5.8', '2'],
  ]);

  it('reads the amounts as figures of their project, and leaves the sentences to the running-text reader', () => {
    const reading = readTable(grid);
    expect(reading.kind).toBe('data');
    expect(tableIndicators(grid).map((f) => [f.indicator.text, f.indicator.value, f.indicator.role, f.indicator.label])).toEqual([
      ['3.2', 320000000, 'unknown', '城北污水处理厂总投资'],
      ['1.5', 150000000, 'target', '2024年城北污水处理厂投资'],
      ['5.8', 580000000, 'unknown', '滨江大道改造总投资'],
      ['2', 200000000, 'target', '2024年滨江大道改造投资'],
    ]);
    const textCells = grid.cells.filter((_, i) => reading.text[i]).map((c) => c.text.slice(0, 4));
    expect(textCells).toEqual(['新建日处', '改造道路']);
  });
});

describe('tables left to the running-text reader', () => {
  it('a layout table (a page laid out in cells of text)', () => {
    const grid = gridOfRows([
      ['首页', '政务公开'],
      ['关于印发2024年工作要点的通知，全年地区生产总值增长5%左右，新增就业1.2万人以上，各部门要认真贯彻落实。', '相关链接'],
    ]);
    expect(readTable(grid).kind).not.toBe('data');
    expect(tableIndicators(grid)).toEqual([]);
  });

  it('a table of text with a few numbers', () => {
    const grid = gridOfRows([
      ['事项', '责任单位', '完成时限'],
      ['推进老旧小区改造', '住建局', '2024年底'],
      ['新建幼儿园3所', '教育局', '12月'],
      ['完善养老服务', '民政局', '长期'],
    ]);
    expect(readTable(grid).kind).toBe('text');
  });

  it('a one-row or one-column table, or one the markup marks as layout', () => {
    expect(readTable(gridOfRows([['1', '2', '3']])).kind).toBe('layout');
    expect(readTable({ ...bulletin, layout: true }).kind).toBe('layout');
  });
});
