/**
 * Domain words shipped with StatCite, in jieba user-dictionary form ("word [freq] [tag]"). Without
 * them jieba's precise cut splits 综治中心 into 综治|中心 and 法律明白人 into 法律|明白人, so a query
 * for the whole term matches every passage that has either half. Only whole concepts belong here:
 * the index also holds the two- and three-character words inside a long word, never four, so a
 * compound such as 未成年人犯罪 would hide 未成年人 from a search.
 */
export const DOMAIN_WORDS = `
综治中心
矛盾纠纷
扫黑除恶
黑恶势力
信访
政法委
政法机关
政法队伍
政法干警
政法系统
未成年人
法律明白人
枫桥经验
平安建设
平安中国
法治中国
法治政府
法治化
总体国家安全观
执法司法
电信诈骗
刑事发案
刑事案件
治安案件
现发命案
命案
社区矫正
安置帮教
刑释人员
禁毒
戒毒
复吸率
网格员
网格化
营商环境
涉企
涉法涉诉
案结事了
诉源治理
多元解纷
人民调解
调解员
公共法律服务
见义勇为
获得感
幸福感
安全感
检察长
检察机关
公益诉讼
员额
派出所
司法所
防范化解
风险隐患
百分点
`;
