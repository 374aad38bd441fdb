/** The throwaway PostgreSQL server of the PostgreSQL store's tests; shared with the bench. */
export {
  findPostgresBin,
  startPostgres,
  type PostgresServer,
  type StartPostgresOptions,
} from '../../../../scripts/startPostgres.mjs';
