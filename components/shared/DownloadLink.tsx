/**
 * The link that holds the last export. It starts the download once by itself and stays visible so
 * the user can save the file again (some popups close or block the first download).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { BlobFile } from './useBlobFile';

export function DownloadLink({ file, label, testId }: { file?: BlobFile; label: string; testId: string }) {
  const anchor = useRef<HTMLAnchorElement>(null);
  const serial = file?.serial;

  useEffect(() => {
    if (serial !== undefined) anchor.current?.click();
  }, [serial]);

  if (!file) return null;
  return (
    <a ref={anchor} class="download-link" href={file.href} download={file.name} data-testid={testId} title={file.name}>
      {label}
    </a>
  );
}
