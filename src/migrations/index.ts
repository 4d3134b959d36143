import * as migration_20261128_184457_newsdesk_schema from './20261128_184457_newsdesk_schema';

export const migrations = [
  {
    up: migration_20261128_184457_newsdesk_schema.up,
    down: migration_20261128_184457_newsdesk_schema.down,
    name: '20261128_184457_newsdesk_schema'
  },
];
