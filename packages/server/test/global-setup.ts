// Placeholder until the server's test harness lands (starts PostgreSQL 15).
export default async function setup(): Promise<void> {}
