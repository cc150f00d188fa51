import type { Command } from 'commander';
import { registerAllocationCommands } from './allocations';
import { registerApprovalCommands } from './approvals';
import { registerAuditCommands } from './audit';
import { registerCreditCommands } from './credit';
import { registerCustomerCommands } from './customers';
import { registerDemoCommands } from './demo';
import { registerDisputeCommands } from './disputes';
import { registerCollectionsCommands } from './engine';
import { registerEntityCommands } from './entities';
import { registerImportCommands } from './import';
import { registerInvoiceCommands } from './invoices';
import { registerPaymentCommands } from './payments';
import { registerReportCommands } from './report';
import { registerSystemCommands } from './system';
import { registerTokenCommands } from './tokens';
import { registerUserCommands } from './users';

export function registerCommands(program: Command): void {
  registerSystemCommands(program);
  registerUserCommands(program);
  registerTokenCommands(program);
  registerAuditCommands(program);
  registerEntityCommands(program);
  registerCustomerCommands(program);
  registerInvoiceCommands(program);
  registerDemoCommands(program);
  registerPaymentCommands(program);
  registerAllocationCommands(program);
  registerImportCommands(program);
  registerReportCommands(program);
  registerCollectionsCommands(program);
  registerApprovalCommands(program);
  registerDisputeCommands(program);
  registerCreditCommands(program);
}
