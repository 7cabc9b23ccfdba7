/** The store's API, as the background calls it. */
export { StoreError, CodedError, type StoreErrorCode } from './errors';
export { closeDb, DB_NAME, DB_VERSION } from './db';
export { putClips, importClips, updateClip, deleteClips, clearPage, IMPORT_CHUNK } from './clip-store';
export { listClips, iterateClips, clipsOfPage, listPages, type ClipList } from './clip-query';
export { getSiteSettings, setSiteSettings, getUiSettings, setUiSettings, DEFAULT_UI_SETTINGS } from './settings';
export {
  BackupError,
  type BackupErrorCode,
  backupChunks,
  backupFileName,
  backupToJson,
  parseBackup,
  type ParsedBackup,
  type RejectedEntry,
} from './backup';
