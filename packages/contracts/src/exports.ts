// zod schemas of exports — to come.
export {};
