/** Word lists for detect.ts, each in simplified and traditional script. */

export interface TitleTerm {
  pattern: RegExp;
  points: number;
}

/** Kinds of document whose name in a title marks a policy text; the strongest match counts. */
export const TITLE_TERMS: TitleTerm[] = [
  {
    pattern: /在[^，。,\n]{1,40}?(?:会议|會議|大会|大會|座谈会|座談會|典礼|典禮|仪式|儀式|会|會)上的(?:讲话|講話|致辞|致辭|发言|發言|报告|報告)/,
    points: 4,
  },
  { pattern: /政府工作报告|政府工作報告/, points: 4 },
  { pattern: /讲话|講話/, points: 3 },
  { pattern: /工作报告|工作報告|述职报告|述職報告|调研报告|調研報告/, points: 3 },
  { pattern: /督查报告|督察报告|督查報告|督察報告|督导报告|督導報告/, points: 3 },
  { pattern: /实施方案|實施方案|实施意见|實施意見|行动方案|行動方案|工作方案/, points: 3 },
  { pattern: /致辞|致辭/, points: 3 },
  { pattern: /发言|發言|报告|報告/, points: 2 },
  { pattern: /总结|總結|意见|意見|规划|規劃|通知|决定|決定|计划|計劃|方案|纲要|綱要|公报|公報|要点|要點/, points: 2 },
  { pattern: /办法|辦法|条例|條例|细则|細則/, points: 1 },
];

/** Words of Chinese government and Party business; a policy text uses many of them. */
// biome-ignore format: a word table reads best in rows
export const GOV_TERMS: string[][] = [
  ['贯彻落实', '貫徹落實'], ['市委', '市委'], ['县委', '縣委'], ['省委', '省委'], ['党委', '黨委'],
  ['党组', '黨組'], ['党中央', '黨中央'], ['国务院', '國務院'], ['人民政府', '人民政府'],
  ['市政府', '市政府'], ['县政府', '縣政府'], ['省政府', '省政府'], ['总书记', '總書記'],
  ['领导小组', '領導小組'], ['专项行动', '專項行動'], ['专项整治', '專項整治'], ['各级', '各級'],
  ['部署', '部署'], ['高质量发展', '高質量發展'], ['乡村振兴', '鄉村振興'], ['脱贫攻坚', '脫貧攻堅'],
  ['责任制', '責任制'], ['督查', '督查'], ['督察', '督察'], ['整改', '整改'], ['考核', '考核'],
  ['狠抓', '狠抓'], ['扎实', '紮實'], ['切实', '切實'], ['务必', '務必'], ['力争', '力爭'],
  ['确保', '確保'], ['党风廉政', '黨風廉政'], ['干部', '幹部'], ['工作会议', '工作會議'],
  ['全面完成', '全面完成'], ['深入推进', '深入推進'], ['体制机制', '體制機制'], ['统筹', '統籌'],
];

/** Shopping pages. */
// biome-ignore format: a word table reads best in rows
export const SHOP_TERMS: string[][] = [
  ['购物车', '購物車'], ['加入购物车', '加入購物車'], ['立即购买', '立即購買'], ['包邮', '包郵'],
  ['月销', '月銷'], ['已售', '已售'], ['销量', '銷量'], ['优惠券', '優惠券'], ['领券', '領券'],
  ['店铺', '店鋪'], ['运费', '運費'], ['库存', '庫存'], ['商品详情', '商品詳情'], ['到手价', '到手價'],
];
export const PRICE = /[￥¥]\s*\d|(?:价格|價格|售价|售價|原价|原價|促销价|促銷價|到手价|到手價)[：:\s]*[￥¥]?\s*\d/g;

/** Forums and comment threads. */
// biome-ignore format: a word table reads best in rows
export const FORUM_TERMS: string[][] = [
  ['楼主', '樓主'], ['沙发', '沙發'], ['板凳', '板凳'], ['发表于', '發表於'], ['只看该作者', '只看該作者'],
  ['楼层', '樓層'], ['网友评论', '網友評論'], ['发表评论', '發表評論'], ['点赞', '點讚'], ['跟帖', '跟帖'],
];
export const REPLY = /回复|回覆/g;

/** News bylines; detection names the first found, as the page writes it. */
export const BYLINE_TERMS: RegExp[] = [
  // A byline (本报记者 / （记者 王小明 / 记者：), not a speech mentioning reporters.
  /(?:本报|本報|新华社|新華社|中新社)(?:特约)?(?:记者|記者)|(?:[（(\s]|^)(?:记者|記者)(?:\s|[：:]|$)/m,
  /责任编辑|責任編輯|责编|責編/,
  /(?:^|[\s|丨｜])(?:编辑|編輯)\s*[：:]/m,
  /通讯员|通訊員/,
  /实习生|實習生/,
];

export const SEARCH_RESULTS =
  /(?:为您找到|為您找到|找到约|找到約|共找到)[^\n]{0,12}?(?:结果|結果|条|條|篇|个|個)|搜索结果|搜尋結果|相关搜索|相關搜尋|检索结果|檢索結果/;

/** Footer marks of a government site: the site id every Chinese government site must show, the owner. */
export const GOV_SITE_ID = /网站标识码|網站標識碼/;
export const GOV_OWNER =
  /(?:版权所有|版權所有|主办单位|主辦單位|主办|主辦)[：:\s©]*([^\n丨|｜，,。]{2,30}?(?:人民政府|政府|委员会|委員會|办公厅|辦公廳|办公室|辦公室|局|厅|廳|署|委))/;
