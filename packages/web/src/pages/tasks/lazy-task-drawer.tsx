import { lazy, Suspense, useState } from "react";

// The task panel (its forms, upload, steps: ~50 KB compressed) is loaded the first time
// a task is opened, not with every list of tasks: "Nhiệm vụ của tôi" and the report form
// open sooner on a slow line.
const LoadedTaskDrawer = lazy(() => import("./task-drawer.tsx").then((m) => ({ default: m.TaskDrawer })));

/** Chi tiết nhiệm vụ (task-drawer.tsx), loaded on first use; same props. */
export function TaskDrawer({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  // Once opened it stays mounted, so it closes as it always did.
  const [used, setUsed] = useState(false);
  if (taskId !== null && !used) setUsed(true);
  if (!used && taskId === null) return null;
  return (
    <Suspense fallback={null}>
      <LoadedTaskDrawer taskId={taskId} onClose={onClose} />
    </Suspense>
  );
}
