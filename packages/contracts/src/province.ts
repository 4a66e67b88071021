// zod schemas of province — to come.
export {};
