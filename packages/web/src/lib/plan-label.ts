/**
 * A plan as people name it in a list: its title, then what tells two alike apart — the
 * issuing document's number, or else its years. The plan's code belongs in the address,
 * not in what the reader sees.
 */
export function planLabel(plan: {
  title: string;
  documentNumber?: string | null;
  periodStart?: number | null;
  periodEnd?: number | null;
}): string {
  if (plan.documentNumber) return `${plan.title} (${plan.documentNumber})`;
  const { periodStart: from, periodEnd: to } = plan;
  if (from && to && from !== to) return `${plan.title} (${from}–${to})`;
  return plan.title;
}
