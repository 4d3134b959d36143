import * as migration_20261128_184457_newsdesk_schema from './20261128_184457_newsdesk_schema';
import * as migration_20261128_191325_workflow from './20261128_191325_workflow';
import * as migration_20261128_192009_photo_desk from './20261128_192009_photo_desk';
import * as migration_20261128_193111_quality_gates from './20261128_193111_quality_gates';
import * as migration_20261128_193605_api_clients from './20261128_193605_api_clients';
import * as migration_20261128_194136_delivery from './20261128_194136_delivery';
import * as migration_20261128_212209_list_index from './20261128_212209_list_index';
import * as migration_20261129_070719_security_hardening from './20261129_070719_security_hardening';
import * as migration_20261129_075639_trusted_documents from './20261129_075639_trusted_documents';
import * as migration_20261129_080538_revision_contributors from './20261129_080538_revision_contributors';
import * as migration_20261129_080932_version_binding from './20261129_080932_version_binding';
import * as migration_20261129_081439_first_published from './20261129_081439_first_published';
import * as migration_20261129_081703_corrections from './20261129_081703_corrections';
import * as migration_20261129_094418_import_record from './20261129_094418_import_record';
import * as migration_20261129_095614_columns from './20261129_095614_columns';
import * as migration_20261129_101500_search_index from './20261129_101500_search_index';
import * as migration_20261129_105041_proofreading from './20261129_105041_proofreading';
import * as migration_20261129_125000_alt_text_not_caption from './20261129_125000_alt_text_not_caption';
import * as migration_20261129_125739_audit_log from './20261129_125739_audit_log';
import * as migration_20261129_133954_forgot_password_throttle from './20261129_133954_forgot_password_throttle';
import * as migration_20261129_153714_delivery_invalidations from './20261129_153714_delivery_invalidations';
import * as migration_20261129_160250_published_read_model from './20261129_160250_published_read_model';

export const migrations = [
  {
    up: migration_20261128_184457_newsdesk_schema.up,
    down: migration_20261128_184457_newsdesk_schema.down,
    name: '20261128_184457_newsdesk_schema',
  },
  {
    up: migration_20261128_191325_workflow.up,
    down: migration_20261128_191325_workflow.down,
    name: '20261128_191325_workflow',
  },
  {
    up: migration_20261128_192009_photo_desk.up,
    down: migration_20261128_192009_photo_desk.down,
    name: '20261128_192009_photo_desk',
  },
  {
    up: migration_20261128_193111_quality_gates.up,
    down: migration_20261128_193111_quality_gates.down,
    name: '20261128_193111_quality_gates',
  },
  {
    up: migration_20261128_193605_api_clients.up,
    down: migration_20261128_193605_api_clients.down,
    name: '20261128_193605_api_clients',
  },
  {
    up: migration_20261128_194136_delivery.up,
    down: migration_20261128_194136_delivery.down,
    name: '20261128_194136_delivery',
  },
  {
    up: migration_20261128_212209_list_index.up,
    down: migration_20261128_212209_list_index.down,
    name: '20261128_212209_list_index',
  },
  {
    up: migration_20261129_070719_security_hardening.up,
    down: migration_20261129_070719_security_hardening.down,
    name: '20261129_070719_security_hardening',
  },
  {
    up: migration_20261129_075639_trusted_documents.up,
    down: migration_20261129_075639_trusted_documents.down,
    name: '20261129_075639_trusted_documents',
  },
  {
    up: migration_20261129_080538_revision_contributors.up,
    down: migration_20261129_080538_revision_contributors.down,
    name: '20261129_080538_revision_contributors',
  },
  {
    up: migration_20261129_080932_version_binding.up,
    down: migration_20261129_080932_version_binding.down,
    name: '20261129_080932_version_binding',
  },
  {
    up: migration_20261129_081439_first_published.up,
    down: migration_20261129_081439_first_published.down,
    name: '20261129_081439_first_published',
  },
  {
    up: migration_20261129_081703_corrections.up,
    down: migration_20261129_081703_corrections.down,
    name: '20261129_081703_corrections',
  },
  {
    up: migration_20261129_094418_import_record.up,
    down: migration_20261129_094418_import_record.down,
    name: '20261129_094418_import_record',
  },
  {
    up: migration_20261129_095614_columns.up,
    down: migration_20261129_095614_columns.down,
    name: '20261129_095614_columns',
  },
  {
    up: migration_20261129_101500_search_index.up,
    down: migration_20261129_101500_search_index.down,
    name: '20261129_101500_search_index',
  },
  {
    up: migration_20261129_105041_proofreading.up,
    down: migration_20261129_105041_proofreading.down,
    name: '20261129_105041_proofreading',
  },
  {
    up: migration_20261129_125000_alt_text_not_caption.up,
    down: migration_20261129_125000_alt_text_not_caption.down,
    name: '20261129_125000_alt_text_not_caption',
  },
  {
    up: migration_20261129_125739_audit_log.up,
    down: migration_20261129_125739_audit_log.down,
    name: '20261129_125739_audit_log',
  },
  {
    up: migration_20261129_133954_forgot_password_throttle.up,
    down: migration_20261129_133954_forgot_password_throttle.down,
    name: '20261129_133954_forgot_password_throttle',
  },
  {
    up: migration_20261129_153714_delivery_invalidations.up,
    down: migration_20261129_153714_delivery_invalidations.down,
    name: '20261129_153714_delivery_invalidations',
  },
  {
    up: migration_20261129_160250_published_read_model.up,
    down: migration_20261129_160250_published_read_model.down,
    name: '20261129_160250_published_read_model'
  },
];
