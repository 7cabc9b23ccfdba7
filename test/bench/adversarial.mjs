/** About 1 MB of text made to hurt a scanner: long digit runs, 万万万…, endless 、-lists, every unit word repeated, unclosed quotes and brackets, 由…到… chains, a megabyte-long sentence. */
const UNITS = '个户人名家项件所篇次宗台套张条份辆座批起轮场种支位处间栋部本册只艘架例组队课层趟班吨亩公顷平方米公里元万元亿元%个百分点小时天年个月倍分';

export function adversarialText(targetChars = 1_000_000) {
  const parts = [];
  const push = (unit, times) => parts.push(unit.repeat(times));
  push('1234567890', 8000); // an 80,000-digit number
  push('万', 40000); // magnitude words with no number
  push('3万万', 15000); // magnitudes piling up after numbers
  parts.push(Array.from({ length: 25000 }, (_, i) => String(i % 100)).join('、') + '个'); // one endless 、-list sharing a unit
  for (const u of UNITS) push(`5${u}`, 1200); // every unit word, repeated
  push(UNITS, 400); // unit words with no numbers
  push('一二三四五六七八九十百千万亿', 4000); // numeral soup
  push('“3341', 20000); // quotes that never close
  push('((((3个', 12000); // brackets that never close
  push('由1%提高到2%', 12000); // change after change, no punctuation
  push('3—5年3-5%3至5万元', 8000); // ranges back to back
  push('1,234,567,', 15000); // thousands separators forever
  push('xx萬元**点20xx年', 10000); // placeholders
  push('力争确保完成了分别要', 10000); // cue words with no figures
  const text = parts.join('');
  return text.length >= targetChars ? text.slice(0, targetChars) : text + '7'.repeat(targetChars - text.length);
}
