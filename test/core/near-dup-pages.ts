/**
 * Pages of our own for near-duplicate tests (vitest and e2e): an agency story
 * (DAY1), the next day's page with a trimmed, retitled copy of it and another
 * story on the same subject (DAY2), and that page without the copy.
 */
export const STORY = [
  '新华社酒泉5月9日电 5月9日10时许，我国在酒泉卫星发射中心用长征四号丙运载火箭，成功将风云三号G星发射升空，卫星顺利进入预定轨道，发射任务获得圆满成功。',
  '风云三号G星是我国首颗低倾角轨道降水测量卫星，主要用于灾害性天气系统强降水监测，将为天气预报、防灾减灾和气候变化研究提供重要的观测数据。',
  '据介绍，卫星搭载了我国首套星载双频降水测量雷达，可以获取降水的三维结构信息，还配置了微波成像仪、中分辨率光谱成像仪等多台遥感仪器。',
  '卫星投入使用后，将与在轨运行的风云系列卫星组网观测，进一步提高我国对台风、暴雨等灾害性天气的监测预警能力，更好服务经济社会发展。',
  '这次任务是长征系列运载火箭的第四百一十七次飞行。火箭和卫星分别由中国航天科技集团有限公司所属上海航天技术研究院研制。',
  '发射场区各系统工作人员表示，下一步将认真总结经验，精心组织后续发射任务，确保高密度发射任务圆满完成。',
];

export const OTHER = [
  '本报北京5月10日讯 记者从中国气象局获悉，进入汛期以来，各地气象部门密切监视强降水天气过程，滚动发布暴雨预警信息，全力做好防汛气象服务。',
  '中国气象局有关负责人介绍，今年将进一步发挥风云气象卫星在监测中的作用，加密雷达观测频次，提高短时临近预报的准确率，为地方防汛决策提供支撑。',
  '各地气象台站也在加强值班值守，及时向公众推送预警信息，提醒群众注意防范山洪、地质灾害和城市内涝。',
];

function page(articles: { title: string; paragraphs: string[] }[]): string {
  return articles.map((a) => [a.title, '', ...a.paragraphs.flatMap((p) => [p, ''])].join('\n')).join('\n\n') + '\n';
}

export const DAY1 = page([{ title: '我国成功发射风云三号G星', paragraphs: STORY }]);
// The next day's copy: retitled, its first sentence edited, the last two paragraphs cut.
export const COPY = ['新华社酒泉5月9日电 9日10时许，我国在酒泉卫星发射中心用长征四号丙运载火箭，成功将风云三号G星发射升空，卫星顺利进入预定轨道，发射任务获得圆满成功。', ...STORY.slice(1, 4)];
export const DAY2 = page([
  { title: '首颗降水测量卫星升空', paragraphs: COPY },
  { title: '气象部门全力做好汛期服务', paragraphs: OTHER },
]);
export const DAY2_WITHOUT_COPY = page([{ title: '气象部门全力做好汛期服务', paragraphs: OTHER }]);
