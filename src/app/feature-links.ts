// Links between features that must not import each other (composition root): what approving each kind of
// request does, the late interest from src/credit on the case view, and the import kinds collections loads.
// Called once by every entry point that builds the server (app/server.ts) or the command line (cli/program.ts).
import { setCaseInterestSource } from '../collections/cases/case-interest';
import { disputesImport, promisesImport } from '../collections/import/import-kinds';
import { caseLateInterest } from '../credit/customer-interest';
import { registerImportKind } from '../ledger/import/kinds';
import { registerApprovalKinds } from './approval-kinds';

export function linkFeatures(): void {
  registerApprovalKinds();
  setCaseInterestSource(caseLateInterest);
  // Open promises and disputes of existing history: collections loads them through its own use cases.
  registerImportKind('promises', promisesImport);
  registerImportKind('disputes', disputesImport);
}
