import type { backupsVi } from "./backups.vi.ts";

/** English labels of the backups page. */
export const backupsEn: Record<keyof typeof backupsVi, string> = {
  "backups.title": "Backups",
  "backups.subtitle":
    "Each backup holds the whole database (every province) and every evidence file; restore with dtplan restore.",
  "backups.start": "Back up now",
  "backups.started": "Backed up: {name}",
  "backups.schedule": "Backs up every {hours} hours into {dir}, keeping the newest {keep}.",
  "backups.scheduleOff": "No scheduled backups (DTPLAN_BACKUP_EVERY_HOURS=0); backups are in {dir}.",
  "backups.empty": "No backups yet.",
  "backups.col.time": "Taken",
  "backups.col.size": "Size",
  "backups.col.contents": "Contents",
  "backups.col.schema": "Schema",
  "backups.contents": "{tables} tables · {rows} rows · {files} evidence files",
  "backups.missing": "{n} evidence files missing",
  "backups.incomplete": "Incomplete",
  "backups.download": "Download",
  "backups.restoreHint": "Restore into an empty data directory or database: dtplan restore FILE",
};
