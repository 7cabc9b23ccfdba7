/**
 * Clipping a selection by hand (the context menu and the keyboard command), and the manifest's
 * command descriptions; public/_locales mirrors the manifest's ones (manifest-locales.test.ts).
 */
import { defineFragment } from '../fragment';

export default defineFragment({
  'zh-CN': {
    'manual.menu.clipSelection': '摘录为指标',
    'manual.command.clipSelection': '将所选文字摘录为指标',
    'manual.command.nextFigure': '下一个指标',
    'manual.command.previousFigure': '上一个指标',
    'manual.command.toggleClip': '摘录或取消摘录当前指标',
    'manual.command.toggleHighlights': '高亮本页，或取消本页高亮',
    'manual.error.noSelection': '请先选中要摘录的文字',
    'manual.error.notInText': '所选文字不在页面正文中',
    'manual.panel.title': '手动摘录',
    'manual.panel.hint': '请补充或更正这条摘录',
    'manual.panel.noValue': '未读出数字：请填写数值',
    'manual.panel.close': '完成',
    'manual.panel.missing': '找不到这条摘录（可能已删除）',
  },
  'zh-TW': {
    'manual.menu.clipSelection': '摘錄為指標',
    'manual.command.clipSelection': '將所選文字摘錄為指標',
    'manual.command.nextFigure': '下一個指標',
    'manual.command.previousFigure': '上一個指標',
    'manual.command.toggleClip': '摘錄或取消摘錄目前指標',
    'manual.command.toggleHighlights': '標示本頁，或取消本頁標示',
    'manual.error.noSelection': '請先選取要摘錄的文字',
    'manual.error.notInText': '所選文字不在頁面正文中',
    'manual.panel.title': '手動摘錄',
    'manual.panel.hint': '請補充或更正這條摘錄',
    'manual.panel.noValue': '未讀出數字：請填寫數值',
    'manual.panel.close': '完成',
    'manual.panel.missing': '找不到這條摘錄（可能已刪除）',
  },
  en: {
    'manual.menu.clipSelection': 'Clip as indicator',
    'manual.command.clipSelection': 'Clip the selected text as an indicator',
    'manual.command.nextFigure': 'Next figure',
    'manual.command.previousFigure': 'Previous figure',
    'manual.command.toggleClip': 'Clip or unclip the focused figure',
    'manual.command.toggleHighlights': 'Highlight this page, or remove its highlights',
    'manual.error.noSelection': 'Select the text to clip first',
    'manual.error.notInText': 'The selected text is not in the page’s main text',
    'manual.panel.title': 'Clipped by hand',
    'manual.panel.hint': 'Complete or correct this clip',
    'manual.panel.noValue': 'No number was read: enter the value',
    'manual.panel.close': 'Done',
    'manual.panel.missing': 'This clip is not there (it may have been deleted)',
  },
});
