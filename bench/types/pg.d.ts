/** The little of `pg` (a dependency of MikroORM and of the LangGraph.js checkpointer) the bench uses; no @types/pg here. */
declare module 'pg' {
  export interface QueryResult<R = Record<string, unknown>> {
    rows: R[];
    rowCount: number | null;
  }
  export interface PoolConfig {
    connectionString?: string;
    max?: number;
    options?: string;
  }
  export class Pool {
    constructor(config?: PoolConfig);
    query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    /** A named statement is prepared once per connection (bench/micro/commit-sql-cost.ts). */
    query<R = Record<string, unknown>>(config: { name?: string; text: string; values?: unknown[] }): Promise<QueryResult<R>>;
    end(): Promise<void>;
  }
  const pg: { Pool: typeof Pool };
  export default pg;
}
