/** The 撤销 button of the toast after a tag change on many articles (检索结果 → 加标签). */
import { api, errorMessage } from '../api-client';
import { archiveChanged } from './app-events';
import { notify, notifyError, type Toast } from './notify';

export function undoAction(changeId: number): NonNullable<Toast['action']> {
  return {
    label: '撤销',
    run: () => {
      api
        .undoTagChange({ changeId })
        .then((r) => {
          archiveChanged();
          notify(r ? `已撤销，涉及 ${r.articles} 篇文章。` : '没有可撤销的标签操作。');
        })
        .catch((e: unknown) => notifyError(`撤销失败：${errorMessage(e)}`));
    },
  };
}
