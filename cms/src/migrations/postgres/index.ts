import * as migration_20261203_083401_initial from './20261203_083401_initial';
import * as migration_20261203_094518_upload_storage_fields from './20261203_094518_upload_storage_fields';
import * as migration_20261203_160305_notifications from './20261203_160305_notifications';
import * as migration_20261203_202455_message_preferences from './20261203_202455_message_preferences';
import * as migration_20261203_225619_payments from './20261203_225619_payments';

export const migrations = [
  {
    up: migration_20261203_083401_initial.up,
    down: migration_20261203_083401_initial.down,
    name: '20261203_083401_initial',
  },
  {
    up: migration_20261203_094518_upload_storage_fields.up,
    down: migration_20261203_094518_upload_storage_fields.down,
    name: '20261203_094518_upload_storage_fields',
  },
  {
    up: migration_20261203_160305_notifications.up,
    down: migration_20261203_160305_notifications.down,
    name: '20261203_160305_notifications',
  },
  {
    up: migration_20261203_202455_message_preferences.up,
    down: migration_20261203_202455_message_preferences.down,
    name: '20261203_202455_message_preferences',
  },
  {
    up: migration_20261203_225619_payments.up,
    down: migration_20261203_225619_payments.down,
    name: '20261203_225619_payments'
  },
];
