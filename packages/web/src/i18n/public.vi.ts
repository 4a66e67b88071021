/** Vietnamese labels of public; loaded by its lazy pages. */
export const publicVi = {} as const;
