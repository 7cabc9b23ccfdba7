/** Saves a Blob as a file through an <a download> (no downloads permission needed). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has started the download by now; a minute is ample before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name for an export: zhibiao-<what>-YYYYMMDD-HHMM.<ext>. */
export function exportName(what: string, ext: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `zhibiao-${what}-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.${ext}`;
}
