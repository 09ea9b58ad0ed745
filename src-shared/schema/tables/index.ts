import type { TableSpec } from '../spec.js';
import { clientInfrastructureTables } from './client-infrastructure.js';
import { coreTrackingTables } from './core-tracking.js';
import { credentialsSecurityTables } from './credentials-security.js';
import { failureAnalysisTables } from './failure-analysis.js';
import { integrationsTables } from './integrations.js';
import { junctionTables } from './junctions.js';
import { systemAuditTables } from './system-audit.js';
import { taggingTables } from './tagging.js';
import { workDetailsTables } from './work-details.js';

/** The 36 tables of the data model, by SQL name, in the nine categories of the seed design. */
export const tableSpecs = {
  ...coreTrackingTables,
  ...clientInfrastructureTables,
  ...credentialsSecurityTables,
  ...workDetailsTables,
  ...failureAnalysisTables,
  ...taggingTables,
  ...systemAuditTables,
  ...integrationsTables,
  ...junctionTables,
} satisfies Record<string, TableSpec>;

export type TableName = keyof typeof tableSpecs;
