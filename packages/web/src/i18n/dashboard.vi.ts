/** Vietnamese labels of dashboard; loaded by its lazy pages. */
export const dashboardVi = {} as const;
