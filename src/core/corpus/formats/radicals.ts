/**
 * CJK fonts draw a radical and the character it looks like with one glyph, and PDF writers that
 * map glyphs back to text (Chromium's, others) then write the radical: 「⼯作」 for 工作, 「增⻓」 for
 * 增长. The text layer is read with those radicals replaced by the characters. Kangxi Radicals
 * (U+2F00–) have that character as their compatibility form (NFKC); the pairs below are those
 * NFKC leaves alone or gives in a traditional form, taken from the glyphs Noto Sans/Serif CJK SC
 * share between radicals and unified ideographs.
 */
const PAIRS =
  '⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀' +
  '⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄' +
  '⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⼾户';

let table: Map<string, string> | undefined;

const RADICAL = /[\u2e80-\u2fdf]/;
const RADICALS = /[\u2e80-\u2fdf]/g;

export function withoutRadicals(text: string): string {
  if (!RADICAL.test(text)) return text;
  if (!table) {
    table = new Map();
    const chars = [...PAIRS];
    for (let i = 0; i < chars.length; i += 2) table.set(chars[i], chars[i + 1]);
  }
  const map = table;
  return text.replace(RADICALS, (c) => map.get(c) ?? c.normalize('NFKC'));
}
