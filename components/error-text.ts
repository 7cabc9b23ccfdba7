/**
 * Turns whatever a failed call threw into one readable Chinese line: what failed, and why.
 * The browser's own wording is kept in parentheses when it is not one we recognise, so a bug report
 * still carries the original reason.
 */

const KNOWN_REASONS: [RegExp, string][] = [
  [/quota|storage.*full|QuotaExceeded|存储空间/i, '存储空间已满，请先导出并删除部分摘录'],
  [/Could not establish connection|Receiving end does not exist|no valid reply|message port closed/i, '后台没有响应，请稍后重试或重新加载扩展'],
  [/Extension context invalidated/i, '扩展已更新或重新加载，请关闭弹窗后重试'],
];

export function reasonOf(error: unknown): string {
  const raw = (error instanceof Error ? error.message : typeof error === 'string' ? error : String(error)).trim();
  if (!raw) return '未知错误';
  // Our own stores and adapters already explain themselves in Chinese.
  if (/[\u4e00-\u9fff]/.test(raw)) return raw;
  for (const [pattern, text] of KNOWN_REASONS) {
    if (pattern.test(raw)) return `${text}（${raw}）`;
  }
  return raw;
}

/** e.g. errorText('删除摘录', e) → "删除摘录失败：存储空间已满…" */
export function errorText(action: string, error: unknown): string {
  return `${action}${/[A-Za-z0-9]$/.test(action) ? ' ' : ''}失败：${reasonOf(error)}`;
}

export class TimeoutError extends Error {}

/** Rejects when a call does not settle in time, so a silent background shows up as an error. */
export function withTimeout<T>(promise: Promise<T>, ms: number, who = '对方'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`${who}没有响应（${Math.round(ms / 1000)} 秒内无回应）`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
