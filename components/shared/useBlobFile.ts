/**
 * Holds the file of the last export as a blob: URL. Each new export revokes the previous URL so a
 * long session does not pile up blobs in memory.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface BlobFile {
  href: string;
  name: string;
  /** Increases with every export, so the link knows to start a new download. */
  serial: number;
}

export function useBlobFile(): [BlobFile | undefined, (content: string, type: string, name: string) => void] {
  const [file, setFile] = useState<BlobFile | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);

  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );

  const offer = useCallback((content: string, type: string, name: string) => {
    const href = URL.createObjectURL(new Blob([content], { type }));
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = href;
    setFile((previous) => ({ href, name, serial: (previous?.serial ?? 0) + 1 }));
  }, []);

  return [file, offer];
}
