/**
 * Text made to hurt a scanner. adversarialText: about 1 MB of mixed shapes (long digit runs,
 * 万万万…, endless 、-lists, every unit word repeated, unclosed quotes and brackets, 由…到… chains,
 * a megabyte-long sentence). ADVERSARIAL_SHAPES: single shapes, each repeated to any length, for the
 * linear-time check (the time for 4 MB over the time for 1 MB must stay near 4).
 */
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
  push('3万', 10000); // a number and a magnitude, repeated, no unit
  push('1億4,778萬5千元', 2500); // chained magnitudes back to back
  push('近万项', 5000); // a magnitude as the number
  push('“3341', 16000); // quotes that never close
  push('((((3个', 10000); // brackets that never close
  push('由1%提高到2%', 10000); // change after change, no punctuation
  push('3—5年3-5%3至5万元', 6000); // ranges back to back
  push('1,234,567,', 10000); // thousands separators forever
  push('xx萬元**点20xx年', 6000); // placeholders
  push('力争确保完成了分别要', 5000); // cue words with no figures
  const text = parts.join('');
  return text.length >= targetChars ? text.slice(0, targetChars) : text + '7'.repeat(targetChars - text.length);
}

/** One shape each, repeated to the length asked for (see shapeText). */
export const ADVERSARIAL_SHAPES = {
  '3万3万…': '3万',
  '3亿3亿…': '3亿',
  '万万万… (magnitude run)': '万',
  '十百千万亿… (magnitude run)': '十百千万亿',
  '3万万3万万…': '3万万',
  '1億4,778萬5千元… (chained)': '1億4,778萬5千元',
  '42亿6550万8千元… (chained)': '42亿6550万8千元',
  '1万2000元1万2000元…': '1万2000元',
  '近万项千场以上…': '近万项千场以上',
  '12、12、… (one 、-list)': '12、',
  '9\\u00ad9\\u00ad… (format characters)': '9\u00ad',
  '1234567890… (one digit run)': '1234567890',
  '“3341“3341… (unclosed quotes)': '“3341',
  '“计划“计划… (quoted cue words)': '“计划',
  '3个专案通过3个专案通过…': '3个专案通过',
  '114年114年… (ROC years)': '114年',
  '改造，完成5万平方米改造任务…': '改造，完成5万平方米改造任务',
  '一、工作安排\\n… (heading lines)': '一、工作安排\n完成3个。\n',
  '由1%提高到2%…': '由1%提高到2%',
  '1/2/3/…': '1/',
};

/** `unit` repeated to exactly `chars` characters. */
export function shapeText(unit, chars) {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}
