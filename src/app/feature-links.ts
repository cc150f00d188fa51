// Links between features that must not import each other (composition root): what approving each kind of
// request does, and the late interest from src/credit on the case view. Called once by every entry point
// that builds the server (app/server.ts) or the command line (cli/program.ts).
import { setCaseInterestSource } from '../collections/cases/case-interest';
import { caseLateInterest } from '../credit/customer-interest';
import { registerApprovalKinds } from './approval-kinds';

export function linkFeatures(): void {
  registerApprovalKinds();
  setCaseInterestSource(caseLateInterest);
}
