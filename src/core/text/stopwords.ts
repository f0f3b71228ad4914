/**
 * Stop words: function words that carry no meaning for retrieval.
 *
 * Deliberately short. jieba ships a 1,500-entry list that also drops
 * meaningful single characters (`东`, `市`, `省`…) used in names and places;
 * we keep only words a reporter would never search for. Editors can extend
 * the list per archive with `stopwords.txt` in the archive folder.
 */
export const DEFAULT_STOP_WORDS: readonly string[] = [
  '的', '了', '和', '与', '及', '或', '在', '是', '等', '对', '将', '为', '把', '被', '从', '向',
  '于', '以', '其', '之', '而', '并', '也', '又', '就', '都', '还', '再', '所', '着', '过', '这',
  '那', '此', '该', '个', '要', '会', '能', '可', '已', '有', '没有', '不', '没', '很', '更', '最',
  '让', '使', '给', '由', '因', '因为', '所以', '但', '但是', '如果', '虽然', '然而', '以及', '并且', '而且',
  '一个', '一些', '这个', '那个', '这些', '那些', '我们', '他们', '你们', '它们', '自己', '通过', '进行',
  '我', '你', '他', '她', '它', '吗', '呢', '吧', '啊', '呀', '哦', '嗯', '得', '地',
  'the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'is', 'are', 'with',
];
