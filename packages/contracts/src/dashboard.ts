// zod schemas of dashboard — to come.
export {};
