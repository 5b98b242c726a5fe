import type { PageMeasure } from './measure.ts';

/** Bytes a page may transfer, video excluded: the budget. */
export const maxPageBytes = 100 * 1024;

/** A broken budget: which audit, and what was measured. */
export interface BudgetFailure {
  audit: string;
  detail: string;
}

/** The budgets of SPEC "Visitors" that one page measure breaks; none for a page that keeps them all. */
export function checkBudgets(measure: PageMeasure): BudgetFailure[] {
  const failures: BudgetFailure[] = [];
  if (measure.scriptBytes > 0) failures.push({ audit: 'client-js', detail: `${measure.scriptBytes} bytes` });
  if (measure.cookies > 0) failures.push({ audit: 'cookies', detail: `${measure.cookies} cookies` });
  if (measure.thirdPartyRequests.length > 0) {
    failures.push({ audit: 'third-party-requests', detail: measure.thirdPartyRequests.join(', ') });
  }
  if (measure.consoleMessages.length > 0)
    failures.push({ audit: 'console', detail: measure.consoleMessages.join(' | ') });
  if (measure.axeViolations.length > 0) failures.push({ audit: 'axe', detail: measure.axeViolations.join(', ') });
  if (measure.transferredBytes > maxPageBytes) {
    failures.push({ audit: 'page-weight', detail: `${measure.transferredBytes} bytes > ${maxPageBytes}` });
  }
  return failures;
}
