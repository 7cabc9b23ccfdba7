/**
 * Numbers as the corpus writes them: Arabic, full-width, with thousands separators and decimals,
 * Chinese numerals, and mixes such as 7.3萬 or 3個億. Sentences are from /work/shared/corpus
 * (simplified and traditional); where the corpus has no full-width digits or thousands separators,
 * a corpus sentence is rewritten with them.
 */
import { describe, expect, it } from 'vitest';
import { found, the } from './test-support';
import { readArabic, readChinese } from './numerals';

/** The indicator written exactly as `written`, at its first place in `text`. */

describe('Arabic numbers', () => {
  it.each([
    ['加大道路工程建設力度,完成縣鄉公路建設50公里。', '50公里', 50, '公里'],
    ['截止6月30日,環境空氣優良天數為177天,超標4天。', '177天', 177, '天'],
    ['基本建成8700套。', '8700套', 8700, '套'],
    ['全年檢測在用機動車532614輛,核發環保標誌683218枚。', '532614輛', 532614, '辆'],
    ['對19.38公斤的廢棄危險化學品進行了集中處置。', '19.38公斤', 19.38, '公斤'],
    ['市区绿化覆盖率达22.13%', '22.13%', 22.13, '%'],
    ['共购置设备54台(套),完成了我市跨界断面金沙江三块石水水质自动监测站建设工作', '54台', 54, '台'],
  ])('%s → %s', (text, written, value, unit) => {
    expect(the(text, written)).toMatchObject({ value, unit });
  });

  it('reads thousands separators, ASCII and full-width commas', () => {
    expect(the('全年檢測在用機動車532,614輛', '532,614輛').value).toBe(532614);
    expect(the('全年檢測在用機動車532，614輛', '532，614輛').value).toBe(532614);
    expect(the('全市共有人口1,234,567人', '1,234,567人').value).toBe(1234567);
  });

  it('does not read a comma before other than three digits as a thousands separator', () => {
    const [ind] = found('標準分為1,23元兩檔');
    expect(ind).toMatchObject({ text: '23元', value: 23 });
  });

  it('reads full-width digits, decimal point and percent sign', () => {
    const text = '達標率為９７．７％,比去年同期提高３．２個百分點。';
    expect(the(text, '９７．７％')).toMatchObject({ value: 97.7, unit: '%', dimension: 'percent' });
    expect(the(text, '３．２個百分點')).toMatchObject({ value: 3.2, unit: '个百分点', dimension: 'points' });
    expect(the('完成縣鄉公路建設５０公里。', '５０公里')).toMatchObject({ value: 50, unit: '公里' });
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['9月到12月,時間滿打滿算也就三個月了。', '三個月', 3, '个月'],
    ['现在,只有莆田、宁德和南平三个设区市还是省级卫生城市。', '三个', 3, '个'],
    ['計劃使用年限十年,十年後進行復耕處理;', '十年', 10, '年'],
    ['力争两到三年的时间,彻底解决监测队伍人员知识结构问题。', '两到三年', 2, '年'],
    ['两座教学楼投入使用不足8年时间就报废', '两座', 2, '座'],
    ['市建設局重點開展五個特色生態小鎮的規劃建設工作。', '五個', 5, '个'],
    ['共建工業廢水治理設施二百二十臺', '二百二十臺', 220, '台'],
    ['全县新建一百零五个农家书屋', '一百零五个', 105, '个'],
    ['全县培训农民三千二百人', '三千二百人', 3200, '人'],
    ['全县新建十五个文化站', '十五个', 15, '个'],
    ['全县新增就业三万五千人', '三万五千人', 35000, '人'],
  ])('%s → %s', (text, written, value, unit) => {
    expect(the(text, written)).toMatchObject({ value, unit });
  });

  it('readChinese parses well-formed numerals and marks the rest NaN', () => {
    const value = (s: string) => readChinese(s, 0)!.value;
    expect(value('三千二百')).toBe(3200);
    expect(value('一百零五')).toBe(105);
    expect(value('十五')).toBe(15);
    expect(value('两')).toBe(2);
    expect(value('三万五千')).toBe(35000);
    expect(value('二〇二三')).toBeNaN(); // a year, digit by digit
    expect(value('十二五')).toBeNaN(); // a plan's name
    expect(value('万')).toBeNaN(); // a bare magnitude (万人空巷)
    expect(value('千万')).toBeNaN();
    expect(readChinese('年', 0)).toBeUndefined();
  });

  it('does not take 一 as an article, nor a digit-by-digit year, for a quantity', () => {
    expect(found('環保局明確一名科級領導負責,抽調專人開展工作。')).toEqual([]);
    expect(found('二〇二三年全县工作要点')).toEqual([]);
    expect(found('第十三屆年會')).toEqual([]);
  });
});

describe('mixed numbers: magnitude words folded into the value', () => {
  it.each([
    ['緊抓機遇,建成標準化基地3.86萬畝,全縣設施農業佔比達到9.7%', '3.86萬畝', 38600, '亩', 'area'],
    ['實施重點工程造林6.6萬畝,建設綠色家園示範村10個。', '6.6萬畝', 66000, '亩', 'area'],
    ['总投资1.45亿元的国家工业电器质检中心年初通过基建工程竣工验收', '1.45亿元', 145000000, '元', 'money'],
    ['全市完成建築業總產值795億元', '795億元', 79500000000, '元', 'money'],
    ['出口創匯2.4億美元,增長19.8%;', '2.4億美元', 240000000, '美元', 'money'],
    ['把東區汙水廠3萬噸能力用足。', '3萬噸', 30000, '吨', 'mass'],
    ['推進農村安全飲水工程建設,新解決7.5萬人的飲水安全問題。', '7.5萬人', 75000, '人', 'count'],
  ])('%s → %s', (text, written, value, unit, dimension) => {
    expect(the(text, written)).toMatchObject({ value, unit, dimension });
  });

  it('keeps the value as written when a decimal meets a magnitude: no binary noise in the spreadsheet', () => {
    // Each was 1 in the 16th digit off (110000000.00000001, 827999999.9999999, 1389999999999.9998…).
    expect(the('項目總投資1.1億元,建成後年產值可達3億元', '1.1億元').value).toBe(110000000);
    expect(the('實現規模以上工業增加值661.2億元', '661.2億元').value).toBe(66120000000);
    expect(the('完成项目建设投资8.28亿元', '8.28亿元').value).toBe(828000000);
    expect(the('粮食产量1.39万亿斤', '1.39万亿斤').value).toBe(1390000000000);
    expect(the('接待游客2.3亿人次', '2.3亿人次').value).toBe(230000000);
    expect(the('土地收益2.3個億', '2.3個億').value).toBe(230000000);
    const range = the('每年投入1.1至2.3亿元', '1.1至2.3亿元');
    expect([range.value, range.valueMax]).toEqual([110000000, 230000000]);
    const list = found('分别投入1.1、2.3、4.06亿元');
    expect(list.map((i) => i.value)).toEqual([110000000, 230000000, 406000000]);
  });

  it('reads 3個億 as money with no written unit', () => {
    expect(the('土地收益3個億', '3個億')).toMatchObject({ value: 300000000, unit: '', dimension: 'money' });
  });

  it('allows spaces inside a figure: 60 多萬人, 91 億元, 4 檯, 24 小时', () => {
    const text = '市群團組織聯絡著婦女“ 半邊天” 、工人60 多萬人、青年40 多萬人';
    expect(the(text, '60 多萬人')).toMatchObject({ value: 600000, unit: '人', dimension: 'count', qualifier: '>' });
    expect(the(text, '40 多萬人')).toMatchObject({ value: 400000, unit: '人', qualifier: '>' });
    expect(the('確保今年全市固定資產投資完成91 億元。', '91 億元')).toMatchObject({ value: 9100000000, unit: '元' });
    expect(the('武漢郵電科學研究院為共建村添置4 檯筆記本電腦', '4 檯')).toMatchObject({ value: 4, unit: '台', dimension: 'count' });
    expect(the('坚持执行24 小时值班制度', '24 小时')).toMatchObject({ value: 24, unit: '小时', dimension: 'duration' });
  });

  it('does not take W for a magnitude (人氣:1.77W is page chrome)', () => {
    expect(found('欄目: 黨建黨委講話稿 / 釋出於: / 人氣:1.77W')).toEqual([]);
  });
});

describe('readArabic', () => {
  it('reads integers, decimals and thousands groups and says where it stopped', () => {
    expect(readArabic('795億元', 0)).toMatchObject({ end: 3, value: 795, integer: true, intDigits: 3 });
    expect(readArabic('22.13%', 0)).toMatchObject({ end: 5, value: 22.13, integer: false, intDigits: 2 });
    expect(readArabic('1,234,567人', 0)).toMatchObject({ end: 9, value: 1234567 });
    expect(readArabic('3.', 0)).toMatchObject({ end: 1, value: 3 }); // list numbering 3.召開座談會
    expect(readArabic('億元', 0)).toBeUndefined();
  });
});
