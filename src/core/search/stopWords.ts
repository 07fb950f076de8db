/**
 * Words kept out of the index and dropped from queries: function words that occur in nearly every
 * passage and only add noise to ranking. jieba's own list is not used: it holds the digits 0–9 and
 * words such as 不 and 以上 that change what a statistic says.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 地 得 了 着 过 和 与 及 以及 或 或者 等 等等 在 是 为 为了 对 对于 将 把 被 从 向 于 之 其 ' +
    '也 都 而 并 并且 但 但是 就 又 还 这 那 这些 那些 这个 那个 此 该 各 每 有 有的 所 所以 因为 ' +
    '由于 如果 如 即 则 以 以便 使 让 给 跟 同 啊 吧 呢 吗 嘛 哦 呀 么 一个 一些 我 我们 你 你们 ' +
    '他 他们 她 它 它们 自己 ' +
    'a an the of and or to in on at by for from with as is are was were be been it its this that these those'
  ).split(' '),
);
