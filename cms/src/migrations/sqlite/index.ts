import * as migration_20261203_083401_initial from './20261203_083401_initial';

export const migrations = [
  {
    up: migration_20261203_083401_initial.up,
    down: migration_20261203_083401_initial.down,
    name: '20261203_083401_initial'
  },
];
