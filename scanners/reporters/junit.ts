import { categories, type Finding, type Report } from '../report.ts';
import { position, sitePath } from './paths.ts';

// XML 1.0 forbids most control characters and lone surrogates, even as character references.
const notXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

const escapeText = (text: string) => text.replace(notXml, '\uFFFD').replace(/[&<>]/g, (c) => xmlEntities[c]);
const escapeAttribute = (text: string) =>
  text.replace(notXml, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (c) => xmlEntities[c]);

/**
 * JUnit XML: one test suite per finding category (the site's promises), one test case per finding.
 * Errors are failures; warnings pass with their text in system-out, so the dashboard is red exactly when
 * the build is; suppressed findings are skipped with their reason. A category without findings holds one passing
 * case, so dashboards list every promise.
 */
export function formatJunit(report: Report): string {
  let tests = 0;
  const suites = categories.map((category) => {
    const findings = report.findings.filter((finding) => finding.category === category);
    const failures = findings.filter((finding) => finding.severity === 'error' && !finding.suppressed).length;
    const skipped = findings.filter((finding) => finding.suppressed).length;
    const cases =
      findings.length > 0
        ? findings.map((finding) => testCase(finding, report.root))
        : [`    <testcase name="no findings" classname="nospy.${category}"/>`];
    tests += cases.length;
    return [
      `  <testsuite name="nospy.${category}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="nospy" tests="${tests}" failures="${report.summary.errors}" errors="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}

function testCase(finding: Finding, root: string): string {
  const path = sitePath(root, finding.file);
  const where = position(path, finding.line, finding.column);
  const details = [where, ...(finding.evidence ? [finding.evidence] : []), `Policy: ${finding.policy}`].join('\n');
  const name = escapeAttribute(`${finding.ruleId} ${where}`);
  const opening =
    `    <testcase name="${name}" classname="nospy.${finding.category}" file="${escapeAttribute(path)}"` +
    (finding.line === undefined ? '' : ` line="${finding.line}"`) +
    '>';
  const body = finding.suppressed
    ? `      <skipped message="${escapeAttribute(`suppressed (${finding.suppressed.kind}): ${finding.suppressed.reason || 'no reason given'}`)}"/>`
    : finding.severity === 'error'
      ? `      <failure type="${escapeAttribute(finding.ruleId)}" message="${escapeAttribute(finding.message)}">${escapeText(details)}</failure>`
      : `      <system-out>${escapeText(`warning: ${finding.message}\n${details}`)}</system-out>`;
  return [opening, body, '    </testcase>'].join('\n');
}
