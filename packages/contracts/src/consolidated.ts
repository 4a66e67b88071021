// zod schemas of consolidated — to come.
export {};
