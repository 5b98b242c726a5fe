import type { DevToolbarApp } from 'astro';
import type { PageFindings } from './dev.ts';
import { askEvent, findingsEvent } from './toolbar-events.ts';

function element(tag: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One list item per finding: severity, message, where the source has it, the rule and a link to the policy. */
function listFindings({ findings }: PageFindings): HTMLElement {
  if (findings.length === 0) return element('p', 'No privacy problems on this page.');
  const list = element('ul');
  for (const finding of findings) {
    const where = finding.source ?? finding;
    const policy = element('a', 'policy');
    policy.setAttribute('href', finding.policy);
    policy.setAttribute('target', '_top');
    const item = element('li');
    item.append(
      element('strong', finding.severity),
      ` ${finding.message} `,
      element('code', where.line === undefined ? where.file : `${where.file}:${where.line}`),
      ' · ',
      element('code', finding.ruleId),
      ' · ',
      policy,
    );
    list.append(item);
  }
  return list;
}

/** Lists the findings of the page on screen as the dev server's gate saw it; only `astro dev` loads it. */
const nospyApp: DevToolbarApp = {
  init(canvas, app, server) {
    const panel = document.createElement('astro-dev-toolbar-window');
    const body = element('div', 'Checking…');
    panel.append(element('h2', 'nospy'), body);
    canvas.append(panel);
    server.on<PageFindings>(findingsEvent, (page) => {
      if (page.pathname !== location.pathname) return;
      body.replaceChildren(listFindings(page));
      const errors = page.findings.some((finding) => finding.severity === 'error');
      if (page.findings.length === 0) app.toggleNotification({ state: false });
      else app.toggleNotification({ state: true, level: errors ? 'error' : 'warning' });
    });
    server.send(askEvent, { pathname: location.pathname });
  },
};
export default nospyApp;
