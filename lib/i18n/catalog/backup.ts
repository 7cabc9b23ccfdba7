/** Importing a backup over the bus (clips.import): its progress and what became of every entry. */
import { defineFragment } from '../fragment';

export default defineFragment({
  'zh-CN': {
    'backup.progress': '正在导入：{done} / {total} 条',
    'backup.imported': '导入完成：新增 {added} 条；已有而跳过 {skipped} 条；无效而拒收 {rejected} 条',
  },
  'zh-TW': {
    'backup.progress': '正在匯入：{done} / {total} 條',
    'backup.imported': '匯入完成：新增 {added} 條；已有而略過 {skipped} 條；無效而拒收 {rejected} 條',
  },
  en: {
    'backup.progress': 'Importing: {done} of {total}',
    'backup.imported': 'Import done: added {added}; skipped as already stored {skipped}; rejected as invalid {rejected}',
  },
});
