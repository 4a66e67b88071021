/** Vietnamese labels of province; loaded by its lazy pages. */
export const provinceVi = {} as const;
