// zod schemas of public — to come.
export {};
