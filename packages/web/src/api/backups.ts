/** Typed calls for the superadministrator's backups. */
import type { TBackupItem, TBackupList } from "@dtplan/contracts/backup.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

export const backupsApi = {
  list: () => api.get<TBackupList>("/admin/backups"),
  create: () => api.post<TBackupItem>("/admin/backups"),
  /** A plain link: the browser downloads it with the session cookie. */
  downloadUrl: (name: string) => `/api/admin/backups/${encodeURIComponent(name)}`,
};

export const backupsQueries = {
  list: () => queryOptions({ queryKey: ["backups"], queryFn: () => backupsApi.list() }),
};
