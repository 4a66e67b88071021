/** Vietnamese labels of consolidated; loaded by its lazy pages. */
export const consolidatedVi = {} as const;
