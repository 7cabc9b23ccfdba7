/**
 * The cue words behind roles (role.test.ts has them in whole sentences): which stretch of text
 * says target or actual, which sentence is a general statement, which heading plans or reports.
 * Clauses are from /work/shared/corpus, in the simplified matching view.
 */
import { describe, expect, it } from 'vitest';
import { cueOf, headingCue, isGeneralStatement } from './cues';
import { matchingView } from './normalize';

const cue = (text: string) => {
  const view = matchingView(text);
  return cueOf(view, 0, view.length);
};

describe('cueOf', () => {
  it.each([
    '力争年内完成100个“模式”家庭养殖场建设任务',
    '确保饮用水源水质指标100%达标',
    '各镇(中心)年内要发展1—2个专业合作社',
    '今年市里计划实现土地出让收入9亿元',
    '一是到20xx年',
    '三是到20**年',
    '下一步,我市深化创建的具体目标是',
    '到 2025 年',
  ])('target: %s', (text) => {
    expect(cue(text)).toBe('target');
  });

  it.each([
    '完成环评本底监测项目25个',
    '迄今,已下乡演出150余场',
    '中央巡视组先后开展了8轮巡视',
    '累计到位资金1294.9万元',
    '目前我市各水源流域内共有企业168家',
    '上年全市共查处环境违法案件52起',
  ])('actual: %s', (text) => {
    expect(cue(text)).toBe('actual');
  });

  it('a plan verb wins over an achievement verb: 确保…完成91亿元 is a target', () => {
    expect(cue('确保今年全市固定资产投资完成91 亿元')).toBe('target');
  });

  it('a past marker wins over a plan noun: 已完成了减排目标的85% is actual', () => {
    expect(cue('已完成了减排目标的85%')).toBe('actual');
  });

  it('does not read 要 inside other words (主要, 重要, 要求) as a plan', () => {
    expect(cue('主要有外国语学校、职教中心')).toBeUndefined();
    expect(cue('是一项十分重要和紧迫的任务')).toBeUndefined();
  });

  it('does not read 共 in 公共 or 共同 as a count', () => {
    expect(cue('人均公共绿地面积10.6平方米')).toBeUndefined();
  });

  it('reads 下达 as a plan only when a quota follows it', () => {
    expect(cue('市政府下达我区新增建设用地指标1200亩')).toBe('target');
    expect(cue('督促各县区对尾矿库全部下达整改通知')).toBeUndefined();
  });

  it('reads only the stretch it is given', () => {
    const view = matchingView('完成环评本底监测项目25个,力争年内再完成10个');
    const comma = view.indexOf(',');
    expect(cueOf(view, 0, comma)).toBe('actual');
    expect(cueOf(view, comma + 1, view.length)).toBe('target');
  });
});

describe('isGeneralStatement', () => {
  const general = (text: string) => {
    const view = matchingView(text);
    return isGeneralStatement(view, 0, view.length);
  };

  it('is true for estimates and for rule conditions ending in 的', () => {
    expect(general('据专家测算,一般人口要达到50万人左右,现代城市的功能才能够得到基本完备。')).toBe(true);
    expect(general('3.造成10例以上死亡病例的。')).toBe(true);
    expect(general('2.超出自治區人民政府處置能力的。')).toBe(true);
  });

  it('is false for a report sentence', () => {
    expect(general('完成环评本底监测项目25个;')).toBe(false);
    expect(general('接待68件,處理率100%,結案率98%。')).toBe(false);
  });
});

describe('headingCue', () => {
  it('reads a plan heading as target and a report heading as actual', () => {
    expect(headingCue('(二)计划下达情况')).toBe('target');
    expect(headingCue('(二)目标任务')).toBe('target');
    expect(headingCue('(三)资金到位情况')).toBe('actual');
    expect(headingCue('一、20xx年工作回顾')).toBe('actual');
  });

  it('gives no cue for a heading that says neither, or none', () => {
    expect(headingCue('(一)指导思想')).toBeUndefined();
    expect(headingCue(undefined)).toBeUndefined();
    expect(headingCue('')).toBeUndefined();
  });
});
