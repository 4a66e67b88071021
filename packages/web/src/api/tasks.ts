/** Typed calls for tasks (việc của tôi, task detail and its actions); imported by lazy pages only. */

import type {
  TAddComment,
  TEvidenceFile,
  TMyWork,
  TTaskComment,
  TTaskDetail,
  TUpdateProgress,
} from "@dtplan/contracts/tasks.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

export const tasksApi = {
  /** Việc của tôi: what my units lead or coordinate, grouped by the server. */
  myWork: () => api.get<TMyWork>("/my-work"),
  get: (id: string) => api.get<TTaskDetail>(taskPath(id)),
  /** 409 when someone updated since `lastUpdateId`. */
  updateProgress: (id: string, body: TUpdateProgress) =>
    api.post<TTaskDetail>(`${taskPath(id)}/progress`, body),
  comment: (id: string, body: TAddComment) => api.post<TTaskComment>(`${taskPath(id)}/comments`, body),
  attachEvidence: (id: string, file: File, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return api.upload<TEvidenceFile>(`${taskPath(id)}/evidence`, form, onProgress);
  },
};

export const tasksQueries = {
  myWork: () => queryOptions({ queryKey: ["tasks", "my-work"], queryFn: tasksApi.myWork }),
  task: (id: string) => queryOptions({ queryKey: ["tasks", "task", id], queryFn: () => tasksApi.get(id) }),
};
