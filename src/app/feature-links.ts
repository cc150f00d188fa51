// Links between features that must not import each other (composition root): the case view shows the late
// interest computed by src/credit. Called by every entry point that builds the server or the command line.
import { setCaseInterestSource } from '../collections/cases/case-interest';
import { caseLateInterest } from '../credit/customer-interest';

export function linkFeatures(): void {
  setCaseInterestSource(caseLateInterest);
}
