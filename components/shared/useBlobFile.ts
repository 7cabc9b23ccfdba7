/**
 * Holds the file of the last export as a blob: URL, for DownloadLink (the one way the popup and
 * the panel save files: no downloads permission needed). Each new export revokes the previous URL
 * so a long session does not pile up blobs in memory.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface BlobFile {
  href: string;
  name: string;
  /** Increases with every export, so the link knows to start a new download. */
  serial: number;
}

/** Offers a file: text with its MIME type, or a Blob (which carries its own). */
export type OfferFile = (content: string | Blob, type: string, name: string) => void;

export function useBlobFile(): [BlobFile | undefined, OfferFile] {
  const [file, setFile] = useState<BlobFile | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);

  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );

  const offer = useCallback<OfferFile>((content, type, name) => {
    const href = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = href;
    setFile((previous) => ({ href, name, serial: (previous?.serial ?? 0) + 1 }));
  }, []);

  return [file, offer];
}
